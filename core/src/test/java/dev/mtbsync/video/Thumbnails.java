package dev.mtbsync.video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: every frame of a video as a small grey image, for comparing pictures. */
public final class Thumbnails {

  private Thumbnails() {}

  /** Decodes {@code video} and box-averages each frame's luma down to {@code w x h}. */
  public static List<float[]> of(Path video, int w, int h) throws IOException {
    List<float[]> thumbs = new ArrayList<>();
    try (FrameSource src = FfmpegFrameSource.open(video)) {
      VideoFrame f;
      while ((f = src.next()) != null) {
        thumbs.add(shrink(f, w, h));
      }
    }
    return thumbs;
  }

  static float[] shrink(VideoFrame f, int w, int h) {
    float[] out = new float[w * h];
    int[] count = new int[w * h];
    byte[] p = f.pixels();
    for (int y = 0; y < f.height(); y++) {
      int ty = y * h / f.height();
      for (int x = 0; x < f.width(); x++) {
        int i = (y * f.width() + x) * 3;
        float luma = 0.114f * (p[i] & 255) + 0.587f * (p[i + 1] & 255) + 0.299f * (p[i + 2] & 255);
        int t = ty * w + x * w / f.width();
        out[t] += luma;
        count[t]++;
      }
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= count[i];
    }
    return out;
  }

  /** Zero-mean normalised cross-correlation, -1 to 1. */
  public static double zncc(float[] a, float[] b) {
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < a.length; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= a.length;
    mb /= b.length;
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      double da = a[i] - ma;
      double db = b[i] - mb;
      ab += da * db;
      aa += da * da;
      bb += db * db;
    }
    return ab / Math.sqrt(aa * bb + 1e-12);
  }
}
