package dev.mtbsync.runs;

import dev.mtbsync.io.InputPaths;
import dev.mtbsync.video.VideoFormatException;
import dev.mtbsync.video.VideoInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which file the analysis decodes for the new run: the video itself, or the low-resolution copy of
 * the same recording an action camera writes beside it (GoPro: {@code GL010123.LRV} beside {@code
 * GH010123.MP4} or {@code GX010123.MP4}, {@code GOPR0123.LRV} beside {@code GOPR0123.MP4}; DJI:
 * {@code DJI_0001.LRF} beside {@code DJI_0001.MP4}).
 *
 * <p>DESIGN NOTE: the analysis looks at frames shrunk to at most 960 px across, so a 480p proxy
 * holds about what it uses, while decoding it costs a small share of decoding a 2.7K or 4K file (on
 * a camera's file, decoding is four fifths of a sync). The proxy's frames carry the recording's
 * times; the markers keep the video's own frame rate (their intervals and review are in its
 * frames), and every other command (render, compare, the exports) uses the video. A proxy that does
 * not fit the video (another length, another shape, not smaller) is left aside: found beside the
 * video, with a warning, and the video is analysed; given by name, it is refused.
 *
 * @param file the proxy named by the user; null for {@link #AUTO} and {@link #OFF}
 * @param auto look for the camera's proxy beside the video
 */
public record NewRunProxy(Path file, boolean auto) {

  /** Use the camera's proxy when one lies beside the video and fits it. */
  public static final NewRunProxy AUTO = new NewRunProxy(null, true);

  /** Always decode the video itself. */
  public static final NewRunProxy OFF = new NewRunProxy(null, false);

  /** Lengths may differ by this much (s) or this share, whichever is more. */
  static final double LENGTH_SLACK_SEC = 0.25;

  static final double LENGTH_SLACK_SHARE = 0.01;

  /** Largest difference of the pictures' aspect ratios (relative). */
  static final double SHAPE_SLACK = 0.02;

  private static final Pattern GOPRO = Pattern.compile("G[HX](\\d{6})\\.(?i:mp4)");

  /** The proxy named by the user, used whatever lies beside the video. */
  public static NewRunProxy of(Path file) {
    return new NewRunProxy(file, false);
  }

  /** {@code auto}, {@code off} or a file, as the {@code --proxy} option takes it. */
  public static NewRunProxy parse(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "auto" -> AUTO;
      case "off", "none" -> OFF;
      default -> of(Path.of(value));
    };
  }

  /**
   * The proxy the analysis decodes for {@code video}, or null for the video itself. A proxy found
   * beside the video that does not fit it adds one line to {@code warnings}.
   *
   * @throws VideoFormatException when a proxy given by name does not fit the video
   */
  Path choose(Path video, VideoInfo videoInfo, List<String> warnings) throws IOException {
    if (file != null) {
      Path named = InputPaths.file(file);
      VideoInfo info = SyncableVideo.probe(named);
      String misfit = misfit(videoInfo, info);
      if (misfit != null) {
        throw new VideoFormatException(
            named, "not a proxy of " + video.getFileName() + ": " + misfit);
      }
      return named;
    }
    if (!auto) {
      return null;
    }
    for (Path candidate : beside(video)) {
      VideoInfo info;
      try {
        info = SyncableVideo.probe(candidate);
      } catch (IOException e) {
        warnings.add(candidate + ": left aside as a proxy (" + e.getMessage() + ")");
        continue;
      }
      String misfit = misfit(videoInfo, info);
      if (misfit != null) {
        warnings.add(candidate + ": left aside as a proxy, " + misfit);
        continue;
      }
      return candidate;
    }
    return null;
  }

  /** Existing files that may be the camera's proxy of {@code video}, most likely first. */
  static List<Path> beside(Path video) {
    String name = video.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    List<String> names = new ArrayList<>();
    Matcher gopro = GOPRO.matcher(name);
    if (gopro.matches()) {
      names.add("GL" + gopro.group(1) + ".LRV");
      names.add("GL" + gopro.group(1) + ".lrv");
    }
    for (String ext : List.of(".LRV", ".lrv", ".LRF", ".lrf")) {
      names.add(stem + ext);
    }
    List<Path> found = new ArrayList<>();
    for (String n : names) {
      Path p = video.resolveSibling(n);
      if (!n.equals(name) && Files.isRegularFile(p) && !found.contains(p)) {
        found.add(p);
      }
    }
    return found;
  }

  /** Why {@code proxy} cannot stand for {@code video}; null when it can. */
  static String misfit(VideoInfo video, VideoInfo proxy) {
    double a = video.durationSec();
    double b = proxy.durationSec();
    if (Double.isFinite(a)
        && Double.isFinite(b)
        && Math.abs(a - b) > Math.max(LENGTH_SLACK_SEC, LENGTH_SLACK_SHARE * a)) {
      return String.format(Locale.ROOT, "it lasts %.2f s and the video %.2f s", b, a);
    }
    double shapeVideo = video.width() / (double) video.height();
    double shapeProxy = proxy.width() / (double) proxy.height();
    if (Math.abs(shapeProxy / shapeVideo - 1) > SHAPE_SLACK) {
      return String.format(
          Locale.ROOT,
          "its picture is %dx%d and the video's %dx%d, another shape",
          proxy.width(),
          proxy.height(),
          video.width(),
          video.height());
    }
    if ((long) proxy.width() * proxy.height() >= (long) video.width() * video.height()) {
      return String.format(
          Locale.ROOT,
          "its picture (%dx%d) is no smaller than the video's (%dx%d)",
          proxy.width(),
          proxy.height(),
          video.width(),
          video.height());
    }
    return null;
  }
}
