package dev.mtbsync.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;

/**
 * The reference index on a worker: the driver broadcasts the index file's bytes once, and each
 * worker JVM writes them to one local temporary file, which every pair it syncs then reads.
 *
 * <p>DESIGN NOTE: a broadcast rather than a path on shared storage, so the index (the one file
 * every task reads) crosses the network once per worker through Spark's torrent broadcast, not once
 * per pair from the shared file server.
 */
final class ShippedIndex {

  /** Local copies, by the index file's name (a hash of the reference and its analysis). */
  private static final Map<String, Path> LOCAL = new HashMap<>();

  private ShippedIndex() {}

  /** This JVM's copy of the index, written on first use. */
  static synchronized Path local(String name, Broadcast<byte[]> bytes) throws IOException {
    Path p = LOCAL.get(name);
    if (p != null && Files.isRegularFile(p)) {
      return p;
    }
    p = Files.createTempFile("mtbsync-", "-" + name);
    Files.write(p, bytes.value());
    p.toFile().deleteOnExit();
    LOCAL.put(name, p);
    return p;
  }
}
