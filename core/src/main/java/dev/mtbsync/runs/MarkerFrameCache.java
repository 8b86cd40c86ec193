package dev.mtbsync.runs;

import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.match.MomentRefiner;
import dev.mtbsync.video.VideoFrame;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The reference's grey frames at its markers, kept beside its cached index ({@code
 * ROOT/.index-cache/KEY.frames-wWIDTH/}), so that every later sync against that reference places
 * its markers without decoding the reference again. One gzip file a moment: magic, width, height,
 * the frame's time, its pixels; a file that does not read back is a miss, and is written anew.
 */
final class MarkerFrameCache implements MomentRefiner.FrameStore {

  private static final int MAGIC = 0x6d74_6266; // "mtbf"

  private final Path dir;

  /**
   * @param index the reference's cached index ({@link IndexCache#path})
   * @param width the width frames are decoded at (the new run's analysis width)
   */
  MarkerFrameCache(Path index, int width) {
    String name = index.getFileName().toString().replaceFirst("\\.mtbidx$", "");
    this.dir = index.resolveSibling(name + ".frames-w" + width);
  }

  private Path file(double tRef) {
    return dir.resolve(String.format(Locale.ROOT, "%d.gz", Math.round(tRef * 1e6)));
  }

  @Override
  public VideoFrame get(double tRef) {
    Path f = file(tRef);
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try (InputStream raw = Files.newInputStream(f);
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw))) {
      if (in.readInt() != MAGIC) {
        return null;
      }
      int w = in.readInt();
      int h = in.readInt();
      double pts = in.readDouble();
      if (w <= 0 || h <= 0 || (long) w * h > 64L << 20) {
        return null;
      }
      byte[] pixels = new byte[w * h];
      in.readFully(pixels);
      return new VideoFrame(0, pts, w, h, 1, pixels);
    } catch (IOException unreadable) {
      return null; // decoded again, and written anew
    }
  }

  @Override
  public void put(double tRef, VideoFrame frame) throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.write(
        file(tRef),
        temp -> {
          try (OutputStream raw = Files.newOutputStream(temp);
              DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
            out.writeInt(MAGIC);
            out.writeInt(frame.width());
            out.writeInt(frame.height());
            out.writeDouble(frame.ptsSec());
            out.write(frame.pixels(), 0, frame.width() * frame.height());
          }
        });
  }
}
