package dev.mtbsync.render;

import dev.mtbsync.video.FrameSource;
import dev.mtbsync.video.VideoFrame;
import dev.mtbsync.video.VideoInfo;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Decodes a video on a thread of its own, a few frames ahead of the reader.
 *
 * <p>DESIGN NOTE: the render reads two videos, composes and encodes, one frame at a time; decoding
 * and scaling one 1080p frame costs about as much as composing it, so on one thread each step waits
 * for the others. Decoding ahead lets them overlap on the cores the machine has. The queue holds
 * {@value #AHEAD} frames (about 12 MB at 1080p), so memory stays flat. The source is used by this
 * thread only once the prefetch starts; closing the prefetch stops the thread before the owner
 * closes the source.
 */
final class Prefetch implements FrameSource {

  /** Frames decoded ahead of the reader. */
  static final int AHEAD = 2;

  private static final VideoFrame END = new VideoFrame(-1, Double.NaN, 0, 0, 0, null);

  private final FrameSource source;
  private final BlockingQueue<VideoFrame> frames = new ArrayBlockingQueue<>(AHEAD);
  private final Thread decoder; // null: decoding inline, on the reader's thread
  private volatile IOException failure;
  private volatile boolean stopped;
  private boolean ended;

  /**
   * Starts decoding {@code source} from where it stands.
   *
   * @param name the thread's name
   * @param threaded false to decode on the reader's thread instead, frame by frame as asked
   */
  Prefetch(FrameSource source, String name, boolean threaded) {
    this.source = source;
    this.decoder = threaded ? new Thread(this::decode, name) : null;
    if (decoder != null) {
      decoder.setDaemon(true);
      decoder.start();
    }
  }

  private void decode() {
    try {
      VideoFrame f;
      do {
        try {
          f = source.next();
        } catch (IOException e) {
          failure = e;
          f = null;
        } catch (RuntimeException e) {
          failure = new IOException(e.getMessage(), e);
          f = null;
        }
        if (stopped) {
          return;
        }
        // put, not offer: the end (or the failure) must reach a reader however full the queue is
        frames.put(f == null ? END : f);
      } while (f != null);
    } catch (InterruptedException e) {
      // stopped by close()
    }
  }

  @Override
  public VideoInfo info() {
    return source.info();
  }

  @Override
  public VideoFrame next() throws IOException {
    if (decoder == null) {
      return source.next();
    }
    if (ended) {
      return null;
    }
    VideoFrame f;
    try {
      f = frames.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a decoded frame", e);
    }
    if (f == END) {
      ended = true;
      if (failure != null) {
        throw failure;
      }
      return null;
    }
    return f;
  }

  /** Stops the decoding thread (the source itself stays open: its owner closes it). */
  @Override
  public void close() {
    if (decoder == null) {
      return;
    }
    stopped = true;
    decoder.interrupt();
    frames.clear();
    try {
      decoder.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
