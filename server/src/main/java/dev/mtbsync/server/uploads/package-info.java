/**
 * Video uploads over tus 1.0 with progress events, and the sync they start when both runs are in.
 */
package dev.mtbsync.server.uploads;
