package dev.mtbsync.video;

import dev.mtbsync.io.InputPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoublePredicate;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Decodes a video file with FFmpeg (through JavaCV) into packed BGR or grey frames, upright.
 *
 * <p>DESIGN NOTE: phones and some cameras store a picture sideways and say in the stream's display
 * matrix how to turn it for showing; FFmpeg's own tools turn it, JavaCV's grabber does not. A
 * sideways new run shares no features with an upright reference (the sync found "0 of 0 pairs"), so
 * every frame is turned here by the matrix's right angle, and {@link #info()} gives the upright
 * size. Angles more than a degree off a right angle are left as stored, and a mirroring matrix is
 * not mirrored back.
 */
public final class FfmpegFrameSource implements FrameSource {

  /** 8-bit pixel formats whose first plane is the luma, i.e. already a grey picture. */
  static final Set<Integer> LUMA_FIRST =
      Set.of(
          avutil.AV_PIX_FMT_YUV420P,
          avutil.AV_PIX_FMT_YUVJ420P,
          avutil.AV_PIX_FMT_YUV422P,
          avutil.AV_PIX_FMT_YUVJ422P,
          avutil.AV_PIX_FMT_YUV444P,
          avutil.AV_PIX_FMT_YUVJ444P,
          avutil.AV_PIX_FMT_NV12,
          avutil.AV_PIX_FMT_NV21,
          avutil.AV_PIX_FMT_GRAY8);

  private final Path file;
  private final FFmpegFrameGrabber grabber;
  private final VideoInfo info;
  private final int channels;
  private final int turns;
  private long index;
  private boolean lumaPlane;
  private int outWidth;
  private int outHeight;

  private FfmpegFrameSource(
      Path file, FFmpegFrameGrabber grabber, VideoInfo info, int channels, int turns) {
    this.file = file;
    this.grabber = grabber;
    this.info = info;
    this.channels = channels;
    this.turns = turns;
  }

  /**
   * Opens a video for analysis: upright grey frames at most {@code maxWidth} px wide.
   *
   * <p>DESIGN NOTE: for the usual 8-bit YUV streams the grey image is the decoder's own luma plane,
   * taken as it is and shrunk by OpenCV only for the frames the caller wants ({@link
   * #next(DoublePredicate)}); other pixel formats (10-bit, RGB) are converted and scaled by FFmpeg
   * on every frame.
   */
  public static FfmpegFrameSource openGrey(Path file, int maxWidth) throws IOException {
    return grey(open(file, FrameGrabber.ImageMode.RAW, -1, 1), maxWidth);
  }

  /**
   * As {@link #openGrey(Path, int)}, for bytes that arrive as a stream (an upload still in
   * progress: see {@link GrowingFileInput}). The stream must support mark and reset (FFmpeg seeks
   * through them) and is closed with the source.
   *
   * @param label the file the bytes are, named in errors
   */
  public static FfmpegFrameSource openGrey(InputStream in, Path label, int maxWidth)
      throws IOException {
    if (!in.markSupported()) {
      throw new IllegalArgumentException("the stream must support mark and reset");
    }
    // DESIGN NOTE: JavaCV seeks a stream only when given a maximum size; the mark/reset of the
    // stream above costs nothing here, so no size limit applies
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(in, Integer.MAX_VALUE);
    // DESIGN NOTE: on a seekable input FFmpeg's MP4 reader walks every fragment of a fragmented
    // file before the first frame, to index them all; that index is only for seeking, which a
    // scan never does, and building it would wait for the whole upload
    grabber.setOption("fflags", "ignidx");
    return grey(start(label, grabber, true, FrameGrabber.ImageMode.RAW, -1, 1), maxWidth);
  }

  private static FfmpegFrameSource grey(FfmpegFrameSource src, int maxWidth) {
    VideoInfo info = src.info();
    int w = info.width();
    int h = info.height();
    if (w > maxWidth) {
      h = (int) Math.round((double) h * maxWidth / w);
      h += h & 1;
      w = maxWidth;
    }
    // scaled as stored, turned afterwards
    boolean sideways = (src.turns & 1) == 1;
    int storedW = sideways ? h : w;
    int storedH = sideways ? w : h;
    if (LUMA_FIRST.contains(src.grabber.getPixelFormat())) {
      src.lumaPlane = true;
      src.outWidth = storedW;
      src.outHeight = storedH;
    } else {
      src.grabber.setImageMode(FrameGrabber.ImageMode.GRAY);
      src.grabber.setPixelFormat(avutil.AV_PIX_FMT_GRAY8);
      src.grabber.setImageWidth(storedW);
      src.grabber.setImageHeight(storedH);
    }
    return src;
  }

  /**
   * Opens a video for decoding.
   *
   * @throws VideoFormatException when the file is missing, empty, or has no decodable video
   */
  public static FfmpegFrameSource open(Path file) throws IOException {
    return open(file, FrameGrabber.ImageMode.COLOR, avutil.AV_PIX_FMT_BGR24, 3);
  }

  private static FfmpegFrameSource open(
      Path file, FrameGrabber.ImageMode mode, int pixelFormat, int channels) throws IOException {
    InputPaths.file(file);
    if (Files.size(file) == 0) {
      throw new VideoFormatException(file, "file is empty (0 bytes)");
    }
    return start(file, new FFmpegFrameGrabber(file.toFile()), false, mode, pixelFormat, channels);
  }

  private static FfmpegFrameSource start(
      Path file,
      FFmpegFrameGrabber grabber,
      boolean growing,
      FrameGrabber.ImageMode mode,
      int pixelFormat,
      int channels)
      throws IOException {
    FfmpegLog.quiet();
    grabber.setImageMode(mode);
    if (pixelFormat >= 0) {
      grabber.setPixelFormat(pixelFormat);
    }
    grabber.setVideoOption("threads", "0"); // FFmpeg's choice: frame threads on every core
    try {
      if (growing) {
        // DESIGN NOTE: JavaCV's start() holds one lock for every grabber of the process while it
        // opens; on a file still arriving the open waits for bytes, and every other video of the
        // server would wait behind it. FFmpeg's open has been safe to run in parallel since 4.0
        grabber.startUnsafe();
      } else {
        grabber.start();
      }
    } catch (FrameGrabber.Exception e) {
      closeQuietly(grabber);
      throw new VideoFormatException(file, Mp4Index.whyUnreadable(file), e);
    }
    String still = stillImage(grabber);
    if (still != null) {
      closeQuietly(grabber);
      throw new VideoFormatException(file, "not a video: a still image (" + still + ")");
    }
    if (!grabber.hasVideo() || grabber.getImageWidth() <= 0) {
      closeQuietly(grabber);
      throw new VideoFormatException(file, "contains no video stream");
    }
    // the video stream's own length: the container's also spans data tracks, which on GoPro
    // files run almost a second longer than the picture
    AVStream stream = videoStream(grabber.getFormatContext());
    double duration =
        stream != null && stream.duration() > 0
            ? stream.duration() * avutil.av_q2d(stream.time_base())
            : grabber.getLengthInTime() > 0 ? grabber.getLengthInTime() / 1e6 : Double.NaN;
    long frames =
        stream != null && stream.nb_frames() > 0
            ? stream.nb_frames()
            : grabber.getLengthInVideoFrames() > 0 ? grabber.getLengthInVideoFrames() : -1;
    int turns = UprightPixels.quarterTurns(grabber.getDisplayRotation());
    boolean sideways = (turns & 1) == 1;
    VideoInfo info =
        new VideoInfo(
            sideways ? grabber.getImageHeight() : grabber.getImageWidth(),
            sideways ? grabber.getImageWidth() : grabber.getImageHeight(),
            grabber.getFrameRate(),
            duration,
            frames,
            grabber.getVideoCodecName());
    return new FfmpegFrameSource(file, grabber, info, channels, turns);
  }

  /**
   * Makes FFmpeg scale every following frame to {@code width} x {@code height} px (of the upright
   * picture) while it converts it, which costs far less than converting at full size and shrinking
   * afterwards. For sources opened with {@link #open(Path)} only.
   *
   * @param width even width in px of the upright frames
   * @param height even height in px of the upright frames
   */
  public void scaleTo(int width, int height) {
    if (lumaPlane || width <= 0 || height <= 0) {
      throw new IllegalStateException("scaleTo needs a colour source and a positive size");
    }
    boolean sideways = (turns & 1) == 1;
    grabber.setImageWidth(sideways ? height : width);
    grabber.setImageHeight(sideways ? width : height);
  }

  /**
   * Moves to the first frame at or just before {@code sec} (s), so the next {@link #next()} returns
   * it or a frame a little earlier: one seek to the keyframe before, then decoding forward. For a
   * reader that starts part-way into a video; frame indices then count from the first frame
   * returned.
   *
   * @throws VideoFormatException when the stream cannot be sought
   */
  public void skipTo(double sec) throws IOException {
    if (!(sec > 0)) {
      return;
    }
    try {
      grabber.setVideoTimestamp(Math.round(sec * 1e6));
    } catch (FrameGrabber.Exception e) {
      throw new VideoFormatException(file, "cannot seek to " + sec + " s", e);
    }
    index = 0;
  }

  /** Clockwise quarter turns (0 to 3) that make this video's stored pictures upright. */
  int quarterTurns() {
    return turns;
  }

  /**
   * The picture format when FFmpeg opened the file as a single image (its image demuxers: {@code
   * png_pipe}, {@code jpeg_pipe}, ..., {@code image2}), else null.
   */
  private static String stillImage(FFmpegFrameGrabber grabber) {
    AVFormatContext format = grabber.getFormatContext();
    if (format == null || format.iformat() == null) {
      return null;
    }
    String name = format.iformat().name().getString();
    if (name.endsWith("_pipe")) {
      return name.substring(0, name.length() - "_pipe".length()).toUpperCase(Locale.ROOT);
    }
    if (name.equals("image2")) {
      String codec = grabber.getVideoCodecName();
      return codec == null ? "image" : codec.toUpperCase(Locale.ROOT).replace("MJPEG", "JPEG");
    }
    return null;
  }

  static AVStream videoStream(AVFormatContext format) {
    for (int i = 0; i < format.nb_streams(); i++) {
      AVStream s = format.streams(i);
      if (s.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO
          && (s.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
        return s;
      }
    }
    return null;
  }

  /**
   * The clip's start timecode ({@code HH:MM:SS:FF}, {@code ;} before the frames when drop-frame) as
   * FFmpeg reads it from a QuickTime/MP4 {@code tmcd} track (GoPro writes one) or the container's
   * metadata; null when the file has none.
   */
  public String startTimecode() {
    String tc = grabber.getVideoMetadata("timecode");
    if (tc == null || tc.isBlank()) {
      tc = grabber.getMetadata("timecode");
    }
    return tc == null || tc.isBlank() ? null : tc.trim();
  }

  @Override
  public VideoInfo info() {
    return info;
  }

  @Override
  public VideoFrame next() throws IOException {
    return next(t -> true);
  }

  @Override
  public VideoFrame next(DoublePredicate wantPixels) throws IOException {
    Frame frame;
    try {
      frame = grabber.grabImage();
    } catch (FrameGrabber.Exception e) {
      throw new VideoFormatException(file, "decoding failed at frame " + index, e);
    }
    if (frame == null || frame.image == null) {
      return null;
    }
    double pts = frame.timestamp / 1e6;
    boolean sideways = (turns & 1) == 1;
    if (lumaPlane) {
      byte[] pixels =
          wantPixels.test(pts) ? UprightPixels.shrunkLuma(frame, outWidth, outHeight, turns) : null;
      return sideways
          ? new VideoFrame(index++, pts, outHeight, outWidth, 1, pixels)
          : new VideoFrame(index++, pts, outWidth, outHeight, 1, pixels);
    }
    int w = frame.imageWidth;
    int h = frame.imageHeight;
    byte[] pixels = null;
    if (wantPixels.test(pts)) {
      pixels =
          turns == 0
              ? UprightPixels.copyPacked(frame, w * channels, h)
              : UprightPixels.turned(frame, channels, turns);
    }
    return sideways
        ? new VideoFrame(index++, pts, h, w, channels, pixels)
        : new VideoFrame(index++, pts, w, h, channels, pixels);
  }

  @Override
  public void close() throws IOException {
    try {
      grabber.close();
    } catch (FrameGrabber.Exception e) {
      throw new IOException(file + ": could not close decoder", e);
    }
  }

  /** Closes a grabber while another problem is being reported; its own failure is dropped. */
  static void closeQuietly(FFmpegFrameGrabber grabber) {
    try {
      grabber.close();
    } catch (FrameGrabber.Exception ignored) {
      // already failing; the caller reports the first problem
    }
  }
}
