package dev.mtbsync.video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Decodes only what the analysis looks at: the time of every frame (read from the container's
 * packets, no decoding), and upright grey pictures of the frames the caller wants, shrunk to the
 * analysis width.
 *
 * <p>DESIGN NOTE: analysis samples a few frames a second of a 50-60 fps camera file, yet a plain
 * decoder decodes every frame. Here each packet is judged by its presentation time before it is
 * sent to the decoder: one the caller does not want is sent with {@code skip_frame = noref}, so the
 * decoder drops it when nothing else predicts from it (the B-frames of a camera's long GOP, most of
 * its frames), and decodes it only when later frames need it as a reference. Frames decoded as
 * references but not wanted are never converted or copied. FFmpeg's frame threads work on every
 * core. JavaCV's grabber decodes, and for 10-bit streams converts, every frame, and gives no hold
 * on the decoder between packets, hence this loop on FFmpeg's own API.
 *
 * <p>Times are those JavaCV gives ({@code best_effort_timestamp} in whole microseconds, no start
 * offset), so sample times and frame times agree with every other reader of the same file.
 */
public final class SparseLumaDecoder implements AutoCloseable {

  /** Says, from a frame's presentation time and duration (s), whether its picture is wanted. */
  @FunctionalInterface
  public interface Wish {
    boolean wants(double ptsSec, double durationSec);
  }

  /** Receives the wanted frames' pictures in presentation order. */
  @FunctionalInterface
  public interface Pictures {
    void accept(double ptsSec, byte[] grey, int width, int height) throws IOException;
  }

  /**
   * How the decoder runs.
   *
   * <p>DESIGN NOTE: skipping the deblocking filter as well ({@code skip_loop_filter}) was measured
   * and left out: on 60 Mb/s 1080p60 H.264 it saved no CPU time measurable against the machine's
   * noise (FFmpeg alone: 8.8-9.3 user-s with and without), while it leaves block edges that spread
   * through every later frame of the GOP.
   *
   * @param threads decoder threads, 0 = one per core
   */
  public record Options(int threads) {
    public static final Options DEFAULT = new Options(0);

    public Options {
      if (threads < 0 || threads > 64) {
        throw new IllegalArgumentException("decoder threads must be 0 to 64, got " + threads);
      }
    }
  }

  private final Path file;
  private final VideoInfo info;
  private final int turns;
  private final AVFormatContext format;
  private final AVStream stream;
  private final AVCodecContext codec;
  private final int outWidth; // of the picture as stored (before turning)
  private final int outHeight;
  private final Set<Long> wantedTimes = new HashSet<>();
  private double[] times = new double[0];
  private int n;
  private boolean unstamped;
  private final GreyFrames greyFrames;
  private long decodedFrames;

  private SparseLumaDecoder(
      Path file,
      VideoInfo info,
      int turns,
      AVFormatContext format,
      AVStream stream,
      AVCodecContext codec,
      int outWidth,
      int outHeight) {
    this.file = file;
    this.info = info;
    this.turns = turns;
    this.format = format;
    this.stream = stream;
    this.codec = codec;
    this.outWidth = outWidth;
    this.outHeight = outHeight;
    this.greyFrames = new GreyFrames(outWidth, outHeight, turns);
  }

  /**
   * Opens a video for sparse grey decoding.
   *
   * @param maxWidth pictures are shrunk to at most this width (px, upright)
   * @throws VideoFormatException when the file is missing, empty, or has no decodable video
   */
  public static SparseLumaDecoder open(Path file, int maxWidth, Options options)
      throws IOException {
    VideoInfo info;
    int turns;
    try (FfmpegFrameSource probe = FfmpegFrameSource.open(file)) {
      info = probe.info();
      turns = probe.quarterTurns();
    }
    AVFormatContext format = new AVFormatContext(null);
    if (avformat.avformat_open_input(format, file.toString(), null, null) < 0) {
      throw new VideoFormatException(file, "not a readable video");
    }
    AVCodecContext codec = null;
    try {
      if (avformat.avformat_find_stream_info(format, (PointerPointer<?>) null) < 0) {
        throw new VideoFormatException(file, "not a readable video (no stream information)");
      }
      AVStream stream = FfmpegFrameSource.videoStream(format);
      if (stream == null) {
        throw new VideoFormatException(file, "contains no video stream");
      }
      AVCodec decoder = avcodec.avcodec_find_decoder(stream.codecpar().codec_id());
      if (decoder == null) {
        throw new VideoFormatException(file, "no decoder for its video codec");
      }
      codec = avcodec.avcodec_alloc_context3(decoder);
      if (avcodec.avcodec_parameters_to_context(codec, stream.codecpar()) < 0) {
        throw new VideoFormatException(file, "unusable video stream parameters");
      }
      codec.pkt_timebase(stream.time_base());
      codec.thread_count(options.threads()); // frame and slice threads, FFmpeg's default kinds
      if (avcodec.avcodec_open2(codec, decoder, (PointerPointer<?>) null) < 0) {
        throw new VideoFormatException(file, "could not open its video decoder");
      }
      boolean sideways = (turns & 1) == 1;
      int w = info.width();
      int h = info.height();
      if (w > maxWidth) {
        h = (int) Math.round((double) h * maxWidth / w);
        h += h & 1;
        w = maxWidth;
      }
      return new SparseLumaDecoder(
          file, info, turns, format, stream, codec, sideways ? h : w, sideways ? w : h);
    } catch (IOException | RuntimeException e) {
      if (codec != null) {
        avcodec.avcodec_free_context(codec);
      }
      avformat.avformat_close_input(format);
      throw e;
    }
  }

  /** The stream as the container describes it, upright. */
  public VideoInfo info() {
    return info;
  }

  /** Width (px) of the pictures handed out, upright. */
  public int width() {
    return (turns & 1) == 1 ? outHeight : outWidth;
  }

  /** Height (px) of the pictures handed out, upright. */
  public int height() {
    return (turns & 1) == 1 ? outWidth : outHeight;
  }

  /** Frames the decoder actually decoded in the last {@link #decode} (the rest were skipped). */
  public long decodedFrames() {
    return decodedFrames;
  }

  /**
   * Reads the whole stream once.
   *
   * @param wish which frames' pictures are wanted, asked once per frame with its time and duration
   * @param pictures receives every wanted frame that decodes, in presentation order
   * @return the presentation time (s) of every frame of the stream, ascending, without repeats
   * @throws VideoFormatException when the stream breaks off in a way the decoder cannot pass
   */
  public double[] decode(Wish wish, Pictures pictures) throws IOException {
    return decode(wish, pictures, NONE, NONE);
  }

  /** FFmpeg's flag of a keyframe's index entry (libavformat/avformat.h; JavaCV leaves it out). */
  private static final int AVINDEX_KEYFRAME = 0x0001;

  /** No segment bound: the stream's start or end. */
  public static final long NONE = Long.MIN_VALUE;

  /** The stream cannot be cut at the keyframes asked for; decode it whole instead. */
  public static final class CannotSplitException extends IOException {
    public CannotSplitException(String why) {
      super(why);
    }
  }

  /**
   * The decode times (stream time base) of the keyframes the container's index lists, ascending;
   * empty when it lists none.
   */
  public long[] keyframes() {
    int count = avformat.avformat_index_get_entries_count(stream);
    long[] keys = new long[Math.max(0, count)];
    int k = 0;
    for (int i = 0; i < count; i++) {
      AVIndexEntry e = avformat.avformat_index_get_entry(stream, i);
      if (e != null && (e.flags() & AVINDEX_KEYFRAME) != 0) {
        keys[k++] = e.timestamp();
      }
    }
    return Arrays.copyOf(keys, k);
  }

  /** Seconds of a time in the stream's time base, as {@link #decode} reports them. */
  public double seconds(long ts) {
    return seconds(ts, stream.time_base().num(), stream.time_base().den());
  }

  /**
   * Reads one segment of the stream: from the keyframe whose decode time is {@code fromKey} (or the
   * start) to the one whose decode time is {@code toKey} (or the end). A segment holds the frames
   * shown from its first keyframe on, up to but not including the next segment's first keyframe, so
   * two segments cut at the same keyframe give, together, what the whole stream gives. The frames
   * shown before a cut's keyframe but stored after it (the leading B-frames of an open GOP) belong
   * to the segment before, which decodes that keyframe as their reference.
   *
   * @throws CannotSplitException where the container's times do not allow the cut (a packet without
   *     a time, a seek that lands elsewhere): decode the whole stream instead
   */
  public double[] decode(Wish wish, Pictures pictures, long fromKey, long toKey)
      throws IOException {
    AVRational tb = stream.time_base();
    long num = tb.num();
    long den = tb.den();
    boolean segment = fromKey != NONE || toKey != NONE;
    double nominal = info.fps() > 0 ? 1 / info.fps() : 1 / 30.0;
    times = new double[(int) Math.max(16, info.frameCount() + 8)];
    n = 0;
    decodedFrames = 0;
    wantedTimes.clear();
    unstamped = false;
    long firstShown = Long.MIN_VALUE; // the first keyframe's presentation time
    long endShown = Long.MAX_VALUE; // the next segment's first keyframe's
    // a decoder used before (another segment, or one left part-way) starts afresh
    avcodec.avcodec_flush_buffers(codec);
    if (fromKey != NONE
        && avformat.av_seek_frame(format, stream.index(), fromKey, avformat.AVSEEK_FLAG_BACKWARD)
            < 0) {
      throw new CannotSplitException("cannot seek to the keyframe at " + fromKey);
    }
    AVPacket packet = avcodec.av_packet_alloc();
    AVFrame frame = avutil.av_frame_alloc();
    try {
      reading:
      while (avformat.av_read_frame(format, packet) >= 0) {
        try {
          if (packet.stream_index() != stream.index()) {
            continue;
          }
          long ts = packet.pts() != avutil.AV_NOPTS_VALUE ? packet.pts() : packet.dts();
          if (segment && (ts == avutil.AV_NOPTS_VALUE || packet.dts() == avutil.AV_NOPTS_VALUE)) {
            throw new CannotSplitException("a packet without a time");
          }
          if (firstShown == Long.MIN_VALUE && fromKey != NONE) {
            if (packet.dts() < fromKey) {
              continue; // the seek landed on an earlier keyframe: read on to ours
            }
            if (packet.dts() > fromKey || (packet.flags() & avcodec.AV_PKT_FLAG_KEY) == 0) {
              throw new CannotSplitException("the keyframe at " + fromKey + " is not where listed");
            }
            firstShown = ts;
          }
          if (ts < firstShown) {
            continue; // shown before this segment: the segment before decodes it
          }
          boolean reference = false;
          if (toKey != NONE) {
            if (endShown == Long.MAX_VALUE && packet.dts() >= toKey) {
              if (packet.dts() > toKey || (packet.flags() & avcodec.AV_PKT_FLAG_KEY) == 0) {
                throw new CannotSplitException("the keyframe at " + toKey + " is not where listed");
              }
              endShown = ts;
              reference = true; // decoded for the frames shown before it, not shown here
            } else if (ts >= endShown) {
              break reading; // past the leading frames of the next segment
            }
          }
          // a cut's keyframe is decoded here as a reference only: the next segment times and shows
          // it
          boolean wanted = !reference;
          if (!reference && ts == avutil.AV_NOPTS_VALUE) {
            unstamped = true; // decided when the frame comes out
          } else if (!reference && (packet.flags() & avcodec.AV_PKT_FLAG_DISCARD) == 0) {
            double sec = seconds(ts, num, den);
            double dur = packet.duration() > 0 ? packet.duration() * (double) num / den : nominal;
            addTime(sec);
            wanted = wish.wants(sec, dur);
            if (wanted) {
              wantedTimes.add(ts);
            }
          }
          codec.skip_frame(
              wanted || reference ? avcodec.AVDISCARD_DEFAULT : avcodec.AVDISCARD_NONREF);
          // a damaged packet is dropped, as FFmpeg's own tools do, and decoding goes on
          avcodec.avcodec_send_packet(codec, packet);
        } finally {
          avcodec.av_packet_unref(packet);
        }
        drain(frame, wish, pictures, num, den, nominal);
      }
      avcodec.avcodec_send_packet(codec, null); // end of stream: hand out what is held back
      drain(frame, wish, pictures, num, den, nominal);
    } finally {
      avutil.av_frame_free(frame);
      avcodec.av_packet_free(packet);
    }
    if (fromKey != NONE && firstShown == Long.MIN_VALUE) {
      throw new CannotSplitException("no keyframe at " + fromKey);
    }
    double[] sorted = Arrays.copyOf(times, n);
    Arrays.sort(sorted);
    int k = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (k == 0 || sorted[i] > sorted[k - 1]) {
        sorted[k++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, k);
  }

  private void drain(AVFrame frame, Wish wish, Pictures pictures, long num, long den, double dur)
      throws IOException {
    while (avcodec.avcodec_receive_frame(codec, frame) >= 0) {
      try {
        decodedFrames++;
        long ts = frame.best_effort_timestamp();
        if (ts == avutil.AV_NOPTS_VALUE) {
          continue;
        }
        // the packet's verdict, so that a frame is judged once; in a stream with packets
        // without a time, the other frames are timed and judged now (repeats drop out later)
        boolean wanted = wantedTimes.remove(ts);
        if (!wanted && unstamped) {
          addTime(seconds(ts, num, den));
          wanted = wish.wants(seconds(ts, num, den), dur);
        }
        if (wanted) {
          double sec = seconds(ts, num, den);
          byte[] grey = greyFrames.grey(frame);
          pictures.accept(sec, grey, width(), height());
        }
      } finally {
        avutil.av_frame_unref(frame);
      }
    }
  }

  private void addTime(double sec) {
    if (n == times.length) {
      times = Arrays.copyOf(times, Math.max(16, n * 2));
    }
    times[n++] = sec;
  }

  /** JavaCV's reckoning: whole microseconds, truncated, no start offset. */
  private static double seconds(long ts, long num, long den) {
    return (1000000L * ts * num / den) / 1e6;
  }

  @Override
  public void close() {
    greyFrames.close();
    avcodec.avcodec_free_context(codec);
    avformat.avformat_close_input(format);
  }

  @Override
  public String toString() {
    return "SparseLumaDecoder[" + file + "]";
  }
}
