package dev.nnc.runtime.data;

/**
 * The random changes {@link Dataset#augment} makes to each image, drawn anew for every record and
 * epoch: flips (each with probability 1/2), a rotation by up to {@code rotate} degrees either way,
 * a shift by up to {@code shift} of the width and height, and a scaling by a factor between
 * {@code 1 - zoom} and {@code 1 + zoom}. Pixels from outside the image take the nearest edge pixel,
 * as Keras's {@code ImageDataGenerator} does by default. Immutable: each method returns a copy.
 */
public final class Augmentation {
  private static final Augmentation NONE = new Augmentation(false, false, 0, 0, 0);

  private final boolean flipHorizontal;
  private final boolean flipVertical;
  private final double rotate;
  private final double shift;
  private final double zoom;

  private Augmentation(boolean flipHorizontal, boolean flipVertical, double rotate, double shift, double zoom) {
    this.flipHorizontal = flipHorizontal;
    this.flipVertical = flipVertical;
    this.rotate = rotate;
    this.shift = shift;
    this.zoom = zoom;
  }

  /** No change; add changes with the other methods. */
  public static Augmentation none() {
    return NONE;
  }

  /** Mirrors left and right, for half the records. */
  public Augmentation flipHorizontal() {
    return new Augmentation(true, flipVertical, rotate, shift, zoom);
  }

  /** Mirrors top and bottom, for half the records. */
  public Augmentation flipVertical() {
    return new Augmentation(flipHorizontal, true, rotate, shift, zoom);
  }

  /** Rotates by an angle drawn from [-degrees, degrees]. */
  public Augmentation rotate(double degrees) {
    require(degrees >= 0 && degrees <= 180, "rotate takes 0 to 180 degrees", degrees);
    return new Augmentation(flipHorizontal, flipVertical, degrees, shift, zoom);
  }

  /** Shifts by up to {@code fraction} of the width across and of the height down. */
  public Augmentation shift(double fraction) {
    require(fraction >= 0 && fraction < 1, "shift takes a fraction in [0, 1)", fraction);
    return new Augmentation(flipHorizontal, flipVertical, rotate, fraction, zoom);
  }

  /** Scales by a factor drawn from [1 - fraction, 1 + fraction]. */
  public Augmentation zoom(double fraction) {
    require(fraction >= 0 && fraction < 1, "zoom takes a fraction in [0, 1)", fraction);
    return new Augmentation(flipHorizontal, flipVertical, rotate, shift, fraction);
  }

  boolean flipsHorizontally() {
    return flipHorizontal;
  }

  boolean flipsVertically() {
    return flipVertical;
  }

  double maxDegrees() {
    return rotate;
  }

  double maxShift() {
    return shift;
  }

  double maxZoom() {
    return zoom;
  }

  private static void require(boolean ok, String what, double found) {
    if (!ok) {
      throw new IllegalArgumentException(what + ", got " + found);
    }
  }
}
