package dev.mtbsync.align;

/**
 * Pins that no monotone time-warp can pass through: a later moment of the new run pinned to an
 * earlier moment of the reference, or one moment pinned to two. The message names both pins.
 */
public final class AnchorConflictException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final Anchor first;
  private final Anchor second;

  public AnchorConflictException(Anchor first, Anchor second, String why) {
    super(first.describe() + " and " + second.describe() + " conflict: " + why);
    this.first = first;
    this.second = second;
  }

  /** The earlier pin (in new-run time) of the two that conflict. */
  public Anchor first() {
    return first;
  }

  /** The later pin of the two. */
  public Anchor second() {
    return second;
  }
}
