package dev.mtbsync.features;

import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.io.InputPaths;
import dev.mtbsync.video.FileSignature;
import dev.mtbsync.video.VideoInfo;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference's analysis saved to a file, so that syncing many runs against one reference decodes
 * it once. Self-describing and versioned: it records the analysis parameters and the source video's
 * signature (size, modification time, hash of the first MiB), and an index that does not match the
 * video or the parameters asked for is refused, never silently used.
 *
 * <p>Layout (big-endian): magic {@code MTBIDX}, format version, the parameters, the source
 * signature, the stream facts, every frame time, then per sample its time, keypoints (x, y, angle,
 * size as floats), 32-byte descriptors and the global signature.
 */
public final class ReferenceIndex {

  /**
   * 3: a video stored sideways with a display matrix is analysed upright (2 analysed it as stored).
   * 2: features from four ORB pyramid levels (1 had eight, and must not be mixed with 2).
   */
  public static final int FORMAT_VERSION = 3;

  private static final String MAGIC = "MTBIDX";

  /** An index as read from disk. */
  public record Entry(OrbConfig params, FileSignature source, ScannedVideo video) {}

  private ReferenceIndex() {}

  public static void write(Path file, Entry entry) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    AtomicFiles.write(
        file,
        temp -> {
          try (DataOutputStream out =
              new DataOutputStream(
                  new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT_VERSION);
            OrbConfig p = entry.params();
            out.writeDouble(p.sampleFps());
            out.writeInt(p.maxWidth());
            out.writeInt(p.keypoints());
            out.writeBoolean(p.clahe());
            FileSignature s = entry.source();
            out.writeUTF(s.path());
            out.writeLong(s.sizeBytes());
            out.writeUTF(s.mtime());
            out.writeUTF(s.sha256FirstMib());
            ScannedVideo v = entry.video();
            VideoInfo info = v.info();
            out.writeInt(info.width());
            out.writeInt(info.height());
            out.writeDouble(info.fps());
            out.writeDouble(info.durationSec());
            out.writeLong(info.frameCount());
            out.writeUTF(info.codec() == null ? "" : info.codec());
            out.writeInt(v.width());
            out.writeInt(v.height());
            out.writeInt(v.pts().length);
            for (double t : v.pts()) {
              out.writeDouble(t);
            }
            out.writeInt(v.samples().size());
            for (FrameFeatures f : v.samples()) {
              out.writeDouble(f.tSec());
              out.writeInt(f.count());
              for (float k : f.keypoints()) {
                out.writeFloat(k);
              }
              out.write(f.descriptors());
              out.writeInt(f.signature().length);
              for (float g : f.signature()) {
                out.writeFloat(g);
              }
            }
          }
        });
  }

  /**
   * @throws IOException naming the file when it is missing, not an index, of another format
   *     version, or cut short
   */
  public static Entry read(Path file) throws IOException {
    InputPaths.file(file);
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      String magic;
      try {
        magic = in.readUTF();
      } catch (IOException e) {
        magic = "";
      }
      if (!MAGIC.equals(magic)) {
        throw new IOException(file + ": not an mtbsync index");
      }
      int version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw new IOException(
            file
                + ": index format "
                + version
                + ", this mtbsync reads "
                + FORMAT_VERSION
                + " (rebuild it with mtbsync index)");
      }
      OrbConfig params =
          new OrbConfig(in.readDouble(), in.readInt(), in.readInt(), in.readBoolean());
      FileSignature source =
          new FileSignature(in.readUTF(), in.readLong(), in.readUTF(), in.readUTF());
      VideoInfo info =
          new VideoInfo(
              in.readInt(),
              in.readInt(),
              in.readDouble(),
              in.readDouble(),
              in.readLong(),
              in.readUTF());
      int width = in.readInt();
      int height = in.readInt();
      double[] pts = new double[checked(in.readInt(), file)];
      for (int i = 0; i < pts.length; i++) {
        pts[i] = in.readDouble();
      }
      int n = checked(in.readInt(), file);
      List<FrameFeatures> samples = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        double t = in.readDouble();
        int count = checked(in.readInt(), file);
        float[] kp = new float[count * 4];
        for (int k = 0; k < kp.length; k++) {
          kp[k] = in.readFloat();
        }
        byte[] desc = new byte[count * FrameFeatures.DESCRIPTOR_BYTES];
        in.readFully(desc);
        float[] sig = new float[checked(in.readInt(), file)];
        for (int k = 0; k < sig.length; k++) {
          sig[k] = in.readFloat();
        }
        samples.add(new FrameFeatures(t, kp, desc, sig));
      }
      return new Entry(params, source, new ScannedVideo(info, width, height, pts, samples));
    } catch (EOFException e) {
      throw new IOException(file + ": index is cut short (rebuild it with mtbsync index)", e);
    }
  }

  /**
   * Refuses an index that was built from another video (or the same file since changed) or with
   * other parameters than {@code wanted}.
   */
  public static void check(Path file, Entry entry, FileSignature video, OrbConfig wanted)
      throws IOException {
    FileSignature s = entry.source();
    if (s.sizeBytes() != video.sizeBytes() || !s.sha256FirstMib().equals(video.sha256FirstMib())) {
      throw new IOException(
          file
              + ": index was built from another video ("
              + s.path()
              + ", "
              + s.sizeBytes()
              + " bytes), not "
              + video.path());
    }
    if (!entry.params().equals(wanted)) {
      throw new IOException(
          file
              + ": index was built with other settings ("
              + entry.params()
              + "), wanted "
              + wanted);
    }
  }

  private static int checked(int n, Path file) throws IOException {
    if (n < 0 || n > 50_000_000) {
      throw new IOException(file + ": index is corrupt (count " + n + ")");
    }
    return n;
  }
}
