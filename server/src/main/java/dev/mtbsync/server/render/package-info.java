/** Comparison-video renders started from the dashboard: one job per run, progress as events. */
package dev.mtbsync.server.render;
