/**
 * The local dashboard: a Javalin server over a batch root (routes, the SSE telemetry hub, file
 * serving). It only calls the engine in {@code core}; pages come from {@code templates/}, static
 * assets from {@code web/}.
 */
package dev.mtbsync.server;
