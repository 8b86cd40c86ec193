package dev.mtbsync.synth;

import dev.mtbsync.markers.RefMarker;
import dev.mtbsync.video.FrameRates;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * Everything a seed decides about a sample pair, before any pixel is drawn: the trail, both riders'
 * motion, both cameras, the markers and the ground truth. Cheap to build, so the truth can be had
 * without rendering.
 */
public final class SynthPlan {

  private final SynthConfig config;
  private final TrailShape shape;
  private final RefRide ride;
  private final TrueWarp warp;
  private final RunLook refLook;
  private final RunLook newLook;
  private final List<RefMarker> markers;
  private final long gpsSeed;
  private final double refFps;
  private final double newFps;
  private final long refFrames;
  private final long newFrames;
  private final SynthTruth truth;

  private SynthPlan(SynthConfig config) {
    this.config = config;
    SplittableRandom root = new SplittableRandom(config.seed());
    shape = new TrailShape(root.split());
    ride = new RefRide(root.split());
    warp = new TrueWarp(root.split(), config.durationSec());
    refLook = RunLook.reference(root.split());
    newLook = RunLook.newRun(root.split(), config.newCamera());
    markers = SynthMarkers.place(root.split(), config.durationSec());
    gpsSeed = root.nextLong();
    refFps = FrameRates.exact(config.refFps());
    newFps = FrameRates.exact(config.newFps());
    refFrames = Math.max(1, Math.round(config.durationSec() * refFps));
    newFrames = Math.max(1, (long) Math.floor(warp.newDurationSec() * newFps));
    truth = buildTruth();
  }

  /**
   * @throws IllegalArgumentException when the config is out of range
   */
  public static SynthPlan of(SynthConfig config) {
    return new SynthPlan(config.validate());
  }

  public SynthTruth truth() {
    return truth;
  }

  public List<RefMarker> markers() {
    return markers;
  }

  SynthConfig config() {
    return config;
  }

  TrailShape shape() {
    return shape;
  }

  RunLook refLook() {
    return refLook;
  }

  RunLook newLook() {
    return newLook;
  }

  long gpsSeed() {
    return gpsSeed;
  }

  double refFps() {
    return refFps;
  }

  double newFps() {
    return newFps;
  }

  long refFrames() {
    return refFrames;
  }

  long newFrames() {
    return newFrames;
  }

  double newDurationSec() {
    return warp.newDurationSec();
  }

  /** Trail distance (m) at reference time (s). */
  DoubleUnaryOperator refDistance() {
    return ride::distanceAt;
  }

  /** Trail distance (m) at new time (s): the reference rider's place at the true reference time. */
  DoubleUnaryOperator newDistance() {
    return t -> ride.distanceAt(warp.refTimeAt(t));
  }

  double firstDistance() {
    return Math.min(ride.distanceAt(0), ride.distanceAt(warp.refTimeAt(0)));
  }

  double lastDistance() {
    return Math.max(
        ride.distanceAt(config.durationSec()), ride.distanceAt(warp.refTimeAt(newDurationSec())));
  }

  private SynthTruth buildTruth() {
    double[] tNew = new double[(int) newFrames];
    double[] tRef = new double[(int) newFrames];
    double refLast = (refFrames - 1) / refFps;
    double first = Double.NaN;
    double last = Double.NaN;
    for (int i = 0; i < newFrames; i++) {
      tNew[i] = micro(i / newFps);
      tRef[i] = micro(warp.refTimeAt(i / newFps));
      if (tRef[i] >= 0 && tRef[i] <= refLast) {
        if (Double.isNaN(first)) {
          first = tNew[i];
        }
        last = tNew[i];
      }
    }
    double newLast = (newFrames - 1) / newFps;
    List<SynthTruth.MarkerTruth> truths = new ArrayList<>();
    for (RefMarker m : markers) {
      double t = warp.firstNewTimeAt(m.tRef());
      Double tn = Double.isNaN(t) || t < 0 || t > newLast ? null : micro(t);
      truths.add(new SynthTruth.MarkerTruth(m.name(), m.tRef(), tn));
    }
    SynthTruth.Interval stop =
        Double.isNaN(warp.stopStartSec())
            ? null
            : new SynthTruth.Interval(micro(warp.stopStartSec()), micro(warp.stopEndSec()));
    return new SynthTruth(
        SynthTruth.SCHEMA_VERSION,
        config.seed(),
        clip(SynthRenderer.REF_VIDEO, refFps, refFrames, refSize()),
        clip(SynthRenderer.NEW_VIDEO, newFps, newFrames, newSize()),
        new double[] {first, last},
        stop,
        new SynthTruth.Mapping(tNew, tRef),
        truths,
        cameraTruth());
  }

  private SynthTruth.Camera cameraTruth() {
    NewCamera c = config.newCamera();
    return new SynthTruth.Camera(
        micro(newLook.zoom()),
        c.lens().label(),
        c.aspect().label(),
        micro(c.mountHeightM()),
        micro(c.mountPitchDeg()),
        micro(newLook.lateral()),
        c.stabilise() ? Stabiliser.CROP : null,
        c.rotateDeg());
  }

  private SynthTruth.Clip clip(String file, double fps, long frames, int[] size) {
    return new SynthTruth.Clip(file, micro(fps), frames, micro(frames / fps), size[0], size[1]);
  }

  /** {width, height} of the reference's pictures (px). */
  int[] refSize() {
    return new int[] {config.width(), config.height()};
  }

  /** {width, height} of the new run's pictures as shown, upright (px). */
  int[] newSize() {
    return config.newCamera().aspect().size(config.width(), config.height());
  }

  private static double micro(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
