package dev.mtbsync.video;

import org.bytedeco.ffmpeg.global.avutil;

/** Keeps FFmpeg's own console chatter (stream dumps, encoder notes) out of mtbsync's output. */
final class FfmpegLog {

  private static volatile boolean done;

  private FfmpegLog() {}

  static void quiet() {
    if (!done) {
      // errors reach the user as one line through our own exceptions
      avutil.av_log_set_level(avutil.AV_LOG_FATAL);
      done = true;
    }
  }
}
