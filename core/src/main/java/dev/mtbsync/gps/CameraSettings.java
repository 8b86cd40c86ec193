package dev.mtbsync.gps;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * How a GoPro says it made the picture, from the GPMF blob in the file's {@code moov/udta/GPMF} box
 * (the "Global Settings" device): the lens mode and the diagonal field of view.
 *
 * @param lensMode {@code VFOV}'s letter as written ({@code W} wide, {@code L} linear, {@code S}
 *     superview, ...); null when the file does not say
 * @param diagonalFovDeg {@code ZFOV}, the diagonal field of view (degrees); NaN when absent
 */
public record CameraSettings(String lensMode, double diagonalFovDeg) {

  /** A file that says nothing of its lens. */
  public static final CameraSettings UNKNOWN = new CameraSettings(null, Double.NaN);

  /** Whether the file names its lens mode. */
  public boolean knowsLens() {
    return lensMode != null;
  }

  /**
   * The settings of a video file; {@link #UNKNOWN} when it carries none, or is no MP4/MOV at all
   * (the lens mode is an aid, never a reason to fail a sync).
   */
  public static CameraSettings read(Path video) {
    ByteBuffer gpmf;
    try {
      gpmf = Mp4Boxes.userData(video, "GPMF");
    } catch (IOException | RuntimeException e) {
      return UNKNOWN;
    }
    if (gpmf == null) {
      return UNKNOWN;
    }
    String mode = null;
    double fov = Double.NaN;
    for (Klv devc : Klv.parse(gpmf)) {
      for (Klv k : devc.children()) {
        if (k.key().equals("VFOV") && k.type() == 'c' && mode == null) {
          String t = k.text().trim();
          mode = t.isEmpty() ? null : t;
        } else if (k.key().equals("ZFOV") && Double.isNaN(fov)) {
          double[] v = k.numbers();
          fov = v.length > 0 ? v[0] : Double.NaN;
        }
      }
    }
    return new CameraSettings(mode, fov);
  }
}
