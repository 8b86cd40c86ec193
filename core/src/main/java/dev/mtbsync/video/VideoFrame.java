package dev.mtbsync.video;

import java.util.function.DoublePredicate;

/**
 * One decoded picture.
 *
 * @param index position of the frame in decode order, from 0
 * @param ptsSec presentation time in seconds from the stream start (taken from the frame's own
 *     timestamp, so it stays right on variable-frame-rate files)
 * @param width width in px
 * @param height height in px
 * @param channels 3 for packed BGR, 1 for grey
 * @param pixels 8-bit samples, {@code width * height * channels} bytes, rows without padding;
 *     {@code null} when the reader asked for the timestamp only ({@link
 *     FrameSource#next(DoublePredicate)})
 */
public record VideoFrame(
    long index, double ptsSec, int width, int height, int channels, byte[] pixels) {}
