/**
 * The batch root as the only place read or written: path checks, listings, downloads with ranges.
 */
package dev.mtbsync.server.files;
