package dev.mtbsync.runs;

import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.io.InputPaths;
import dev.mtbsync.match.TimePair;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code pairs_raw.csv} ({@code t_new,t_ref,score,n_inliers}) and {@code pairs.csv} ({@code
 * t_new,t_ref,confidence}).
 */
public final class PairsCsv {

  private PairsCsv() {}

  public static void writeRaw(Path file, List<TimePair> pairs) throws IOException {
    AtomicFiles.write(
        file,
        temp -> {
          try (BufferedWriter w = Files.newBufferedWriter(temp)) {
            w.write("t_new,t_ref,score,n_inliers\n");
            for (TimePair p : pairs) {
              w.write(
                  String.format(
                      Locale.ROOT,
                      "%.6f,%.6f,%.4f,%d%n",
                      p.tNew(),
                      p.tRef(),
                      p.score(),
                      p.inliers()));
            }
          }
        });
  }

  /** The pairs the warp kept, with their score as confidence. */
  public static void write(Path file, List<TimePair> pairs) throws IOException {
    AtomicFiles.write(
        file,
        temp -> {
          try (BufferedWriter w = Files.newBufferedWriter(temp)) {
            w.write("t_new,t_ref,confidence\n");
            for (TimePair p : pairs) {
              w.write(
                  String.format(Locale.ROOT, "%.6f,%.6f,%.4f%n", p.tNew(), p.tRef(), p.score()));
            }
          }
        });
  }

  /**
   * Reads {@code pairs.csv} or {@code pairs_raw.csv} (needs {@code t_new} and {@code t_ref}; {@code
   * confidence} or {@code score} is the weight, 1 when absent).
   */
  public static List<TimePair> read(Path file) throws IOException {
    InputPaths.textFile(file);
    List<String> lines = Files.readAllLines(file);
    if (lines.isEmpty()) {
      throw new IOException(file + ": empty file (expected a header t_new,t_ref,...)");
    }
    List<String> header = List.of(lines.get(0).trim().split("\\s*,\\s*"));
    int tn = header.indexOf("t_new");
    int tr = header.indexOf("t_ref");
    int w =
        header.indexOf("confidence") >= 0 ? header.indexOf("confidence") : header.indexOf("score");
    int inl = header.indexOf("n_inliers");
    if (tn < 0 || tr < 0) {
      throw new IOException(
          file + ":1: missing column 't_new' or 't_ref' (found " + lines.get(0) + ")");
    }
    List<TimePair> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",");
      try {
        double a = Double.parseDouble(f[tn]);
        double b = Double.parseDouble(f[tr]);
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
          throw new NumberFormatException("not finite");
        }
        double weight = w >= 0 ? Double.parseDouble(f[w]) : 1;
        int inliers = inl >= 0 ? Integer.parseInt(f[inl]) : 0;
        out.add(new TimePair(a, b, weight, inliers));
      } catch (RuntimeException e) {
        throw new IOException(file + ":" + (i + 1) + ": not a row of numbers: '" + line + "'");
      }
    }
    return out;
  }
}
