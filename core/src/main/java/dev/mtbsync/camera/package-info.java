/**
 * The camera difference between two runs: how the new run's picture is zoomed, rolled and shifted
 * against the reference's, estimated once per pair from the homographies of the matched moments,
 * and its lens projection against the reference's ({@link dev.mtbsync.camera.RadialLens}),
 * estimated from a few matched views before the moments are timed. Sits between {@code features}
 * and {@code match}: matching reports what it saw, this package sums it up.
 */
package dev.mtbsync.camera;
