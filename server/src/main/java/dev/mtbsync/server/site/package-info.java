/**
 * What every handler shares: the validated server settings and the context built from them once per
 * server.
 */
package dev.mtbsync.server.site;
