package dev.mtbsync.video;

/**
 * One decoded picture.
 *
 * @param index position of the frame in decode order, from 0
 * @param ptsSec presentation time in seconds from the stream start (taken from the frame's own
 *     timestamp, so it stays right on variable-frame-rate files)
 * @param width width in px
 * @param height height in px
 * @param bgr packed 8-bit BGR pixels, {@code width * height * 3} bytes, rows without padding
 */
public record VideoFrame(long index, double ptsSec, int width, int height, byte[] bgr) {}
