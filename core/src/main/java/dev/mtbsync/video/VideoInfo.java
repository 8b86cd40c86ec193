package dev.mtbsync.video;

/**
 * Stream facts read from a container before decoding.
 *
 * @param width width in px of the upright picture (after the display matrix's quarter turns, so a
 *     phone's portrait video stored as 1920x1080 is 1080 wide)
 * @param height height in px of the upright picture
 * @param fps nominal frame rate in frames per second (the real rate may vary on VFR files)
 * @param durationSec the video stream's duration in seconds, or NaN when unknown
 * @param frameCount the video stream's frame count as the container reports it, or -1 when unknown
 * @param codec codec name, e.g. {@code h264}
 */
public record VideoInfo(
    int width, int height, double fps, double durationSec, long frameCount, String codec) {}
