package dev.mtbsync.synth;

/**
 * Where a camera is and where it looks, in corridor coordinates: z along the trail, x to the right,
 * y up; the ground is y = 0.
 *
 * @param distance position along the trail (m)
 * @param lateral x position (m)
 * @param height y position (m)
 * @param yaw heading relative to the trail (rad, positive turns right)
 * @param pitch (rad, positive looks up)
 * @param roll (rad, positive turns the image clockwise)
 * @param zoom focal-length factor on the 90-degree base lens
 */
record CameraPose(
    double distance,
    double lateral,
    double height,
    double yaw,
    double pitch,
    double roll,
    double zoom) {}
