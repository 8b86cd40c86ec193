/** The JSON and write routes under /api: thin handlers over the context and the engine. */
package dev.mtbsync.server.api;
