package dev.nnc.runtime.data;

import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * {@code augment(field, ...)}: each image of a FLOAT {@code [height, width, channels]} field goes
 * through its own random flip and affine map (rotation, shift, zoom about the centre), sampled
 * bilinearly.
 */
record AugmentStep(String field, Augmentation augmentation) implements FieldStep {
  @Override
  public boolean random() {
    return true;
  }

  @Override
  public Table apply(Table records, IntFunction<SplittableRandom> randoms) {
    Field image = records.field(field);
    int[] shape = image.shape();
    if (image.type() != ElementType.FLOAT || shape.length != 3) {
      throw new DataException("augment(" + field + "): field " + image
          + " is not an image; augment takes a float[height, width, channels] field");
    }
    float[] in = records.values(field).floats();
    float[] out = new float[in.length];
    int elements = image.elements();
    for (int r = 0; r < records.size(); r++) {
      transform(in, out, r * elements, shape[0], shape[1], shape[2], randoms.apply(r));
    }
    return records.with(image, new Values.Floats(out));
  }

  /** Writes one image: each output pixel samples the source at the inverse of the drawn map. */
  private void transform(float[] in, float[] out, int offset, int height, int width, int channels,
      SplittableRandom random) {
    boolean flipX = augmentation.flipsHorizontally() && random.nextBoolean();
    boolean flipY = augmentation.flipsVertically() && random.nextBoolean();
    double angle = Math.toRadians(symmetric(random, augmentation.maxDegrees()));
    double shiftX = symmetric(random, augmentation.maxShift()) * width;
    double shiftY = symmetric(random, augmentation.maxShift()) * height;
    double scale = 1 + symmetric(random, augmentation.maxZoom());
    double cos = Math.cos(angle) / scale;
    double sin = Math.sin(angle) / scale;
    double centreX = (width - 1) / 2.0;
    double centreY = (height - 1) / 2.0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        double u = x - centreX - shiftX;
        double v = y - centreY - shiftY;
        double sourceX = cos * u + sin * v + centreX;
        double sourceY = -sin * u + cos * v + centreY;
        if (flipX) {
          sourceX = width - 1 - sourceX;
        }
        if (flipY) {
          sourceY = height - 1 - sourceY;
        }
        sample(in, offset, height, width, channels, sourceX, sourceY,
            out, offset + (y * width + x) * channels);
      }
    }
  }

  /** A value drawn uniformly from [-limit, limit]; no draw at all for a limit of 0. */
  private static double symmetric(SplittableRandom random, double limit) {
    return limit == 0 ? 0 : (random.nextDouble() * 2 - 1) * limit;
  }

  /** Bilinear interpolation at (x, y), clamped to the image so outside points take the nearest edge. */
  private static void sample(float[] in, int offset, int height, int width, int channels,
      double x, double y, float[] out, int at) {
    x = Math.min(Math.max(x, 0), width - 1);
    y = Math.min(Math.max(y, 0), height - 1);
    int x0 = (int) x;
    int y0 = (int) y;
    int x1 = Math.min(x0 + 1, width - 1);
    int y1 = Math.min(y0 + 1, height - 1);
    double fx = x - x0;
    double fy = y - y0;
    for (int c = 0; c < channels; c++) {
      double top = in[offset + (y0 * width + x0) * channels + c] * (1 - fx)
          + in[offset + (y0 * width + x1) * channels + c] * fx;
      double bottom = in[offset + (y1 * width + x0) * channels + c] * (1 - fx)
          + in[offset + (y1 * width + x1) * channels + c] * fx;
      out[at + c] = (float) (top * (1 - fy) + bottom * fy);
    }
  }
}
