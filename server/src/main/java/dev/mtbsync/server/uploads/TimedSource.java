package dev.mtbsync.server.uploads;

import dev.mtbsync.video.FrameSource;
import dev.mtbsync.video.VideoFrame;
import dev.mtbsync.video.VideoInfo;
import java.io.IOException;
import java.util.function.DoubleConsumer;
import java.util.function.DoublePredicate;

/** A frame source that reports each frame's time (s) as it is decoded: "seconds decoded". */
final class TimedSource implements FrameSource {

  private final FrameSource source;
  private final DoubleConsumer decodedSec;

  TimedSource(FrameSource source, DoubleConsumer decodedSec) {
    this.source = source;
    this.decodedSec = decodedSec;
  }

  @Override
  public VideoInfo info() {
    return source.info();
  }

  @Override
  public VideoFrame next() throws IOException {
    return seen(source.next());
  }

  @Override
  public VideoFrame next(DoublePredicate wantPixels) throws IOException {
    return seen(source.next(wantPixels));
  }

  private VideoFrame seen(VideoFrame f) {
    if (f != null) {
      decodedSec.accept(f.ptsSec());
    }
    return f;
  }

  @Override
  public void close() throws IOException {
    source.close();
  }
}
