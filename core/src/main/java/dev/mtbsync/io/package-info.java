/**
 * File primitives at the bottom of the engine: atomic writes (temp file + rename), the one JSON
 * mapper for artefacts, and tolerant JSON reading that names the file when it does not parse.
 *
 * <p>Every other package may use this one; it depends on no other {@code dev.mtbsync} package.
 */
package dev.mtbsync.io;
