/**
 * The camera difference between two runs: how the new run's picture is zoomed, rolled and shifted
 * against the reference's, estimated once per pair from the homographies of the matched moments.
 * Sits between {@code features} and {@code match}: matching reports what it saw, this package sums
 * it up.
 */
package dev.mtbsync.camera;
