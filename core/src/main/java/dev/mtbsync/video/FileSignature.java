package dev.mtbsync.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies an input file cheaply: size, modification time and the SHA-256 of its first MiB
 * (hashing whole videos would cost as much as decoding them).
 *
 * @param path absolute path
 * @param sizeBytes size in bytes
 * @param mtime last modification, ISO-8601
 * @param sha256FirstMib hex SHA-256 of the first 1 MiB
 */
public record FileSignature(String path, long sizeBytes, String mtime, String sha256FirstMib) {

  public static FileSignature of(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = in.readNBytes(1 << 20);
      md.update(buf);
    }
    return new FileSignature(
        file.toAbsolutePath().toString(),
        Files.size(file),
        Files.getLastModifiedTime(file).toInstant().toString(),
        HexFormat.of().formatHex(md.digest()));
  }
}
