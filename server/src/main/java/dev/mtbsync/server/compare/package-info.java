/**
 * A comparison of two rides: its inputs, videos, markers, deltas and annotations, as the compare
 * page shows it.
 */
package dev.mtbsync.server.compare;
