/**
 * Batch engines beyond this JVM's threads ({@code batch --engine NAME}): the role an engine plays
 * and how one is found. Above {@code runs} and {@code quality}, which never refer to it; the
 * engines themselves live in their own modules (Spark: {@code spark/}).
 */
package dev.mtbsync.engine;
