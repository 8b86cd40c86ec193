/**
 * Server-sent events: a hub that owns its subscribers, replays recent events and never waits on a
 * slow client.
 */
package dev.mtbsync.server.sse;
