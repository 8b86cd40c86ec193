package dev.mtbsync.gps;

/**
 * The GPS of both runs of a sync.
 *
 * @param ref the reference's
 * @param neu the new run's
 */
public record GpsInputs(GpsSource ref, GpsSource neu) {

  public static final GpsInputs NONE = new GpsInputs(GpsSource.NONE, GpsSource.NONE);

  public GpsInputs {
    ref = ref == null ? GpsSource.NONE : ref;
    neu = neu == null ? GpsSource.NONE : neu;
  }

  public boolean isNone() {
    return ref.isNone() && neu.isNone();
  }
}
