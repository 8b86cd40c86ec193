package dev.mtbsync.runs;

import dev.mtbsync.Progress;
import dev.mtbsync.features.ScannedVideo;
import dev.mtbsync.features.VideoScanner;
import java.io.IOException;

/**
 * How a sync gets the new run's frames when it does not simply decode {@link
 * SyncRequest#newVideo()}: e.g. from an upload, decoded while its bytes arrive.
 *
 * <p>DESIGN NOTE: the pipeline hands over the scanner it would have used, so a streamed run is
 * analysed exactly as a file on disk would be, and the run folders of both match. An implementation
 * returns only once the new video is whole at {@link SyncRequest#newVideo()}, which run.json then
 * describes.
 */
@FunctionalInterface
public interface NewVideoScan {

  /**
   * @param scanner the new run's analysis
   * @param progress where to report decoding
   * @throws IOException when the video cannot be decoded or never arrives whole
   */
  ScannedVideo scan(VideoScanner scanner, Progress progress) throws IOException;
}
