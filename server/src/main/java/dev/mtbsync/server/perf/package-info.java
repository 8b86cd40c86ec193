/**
 * Perf telemetry over the root: the perf.json index, its history and the watcher that streams new
 * points.
 */
package dev.mtbsync.server.perf;
