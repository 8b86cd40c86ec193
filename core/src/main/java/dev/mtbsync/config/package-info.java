/**
 * Configuration errors, at the bottom of the engine beside {@code io}: {@link ConfigException} is
 * what every config record's {@code validate()} throws for a value out of range, before any file is
 * read or decoded. It names the engine's parameter ("warp window"), never a command-line flag or a
 * request field: the CLI and the server translate the parameter into their own names.
 *
 * <p>Every other package may use this one; it depends on no other {@code dev.mtbsync} package.
 */
package dev.mtbsync.config;
