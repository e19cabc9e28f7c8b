package dev.nnc.runtime.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * Feature-wise standardisation, as Keras's {@code ImageDataGenerator(featurewise_center=True,
 * featurewise_std_normalization=True)}: one mean and one standard deviation per element of a
 * field's last axis (the channel of an image, the feature of a vector; a scalar field has one),
 * over every record and every other position; a value becomes {@code (x - mean) / (std + 1e-6)}.
 * The deviation is the population one (numpy's {@code std}, which Keras's {@code fit} uses), and
 * the sums run in double precision in record order, so the same records give the same statistics.
 */
public record Standardization(float[] mean, float[] std) {
  /** Keras's guard against a feature that never varies. */
  static final float EPSILON = 1e-6f;

  public Standardization {
    if (mean.length != std.length || mean.length == 0) {
      throw new IllegalArgumentException("one mean and one deviation per feature, got " + mean.length + " and " + std.length);
    }
    mean = mean.clone();
    std = std.clone();
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }

  /** The statistics of {@code field} over the stored records {@code records} (repeats count again). */
  static Standardization of(Field field, Values values, int[] records) {
    if (!(values instanceof Values.Floats floats)) {
      throw new DataException("standardize(" + field.name() + "): field " + field + " is not a float field");
    }
    if (records.length == 0) {
      throw new DataException("standardize(" + field.name() + "): the data has no records to compute a mean from");
    }
    int features = features(field);
    int elements = field.elements();
    float[] data = floats.data();
    double[] sum = new double[features];
    for (int record : records) {
      for (int i = 0, at = record * elements; i < elements; i++) {
        sum[i % features] += data[at + i];
      }
    }
    double count = (double) records.length * (elements / features);
    double[] mean = new double[features];
    for (int c = 0; c < features; c++) {
      mean[c] = sum[c] / count;
    }
    // A second pass over the deviations, rather than sums of squares, keeps small variances exact.
    double[] squares = new double[features];
    for (int record : records) {
      for (int i = 0, at = record * elements; i < elements; i++) {
        double d = data[at + i] - mean[i % features];
        squares[i % features] += d * d;
      }
    }
    float[] m = new float[features];
    float[] s = new float[features];
    for (int c = 0; c < features; c++) {
      m[c] = (float) mean[c];
      s[c] = (float) Math.sqrt(squares[c] / count);
    }
    return new Standardization(m, s);
  }

  /** {@code values} of {@code field} standardised with these statistics. */
  Values.Floats apply(Field field, Values values) {
    if (features(field) != mean.length) {
      throw new DataException(String.format(Locale.ROOT,
          "standardize(%s): the statistics are for %d features, but field %s has %d",
          field.name(), mean.length, field, features(field)));
    }
    float[] in = values.floats();
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      int c = i % mean.length;
      out[i] = (in[i] - mean[c]) / (std[c] + EPSILON);
    }
    return new Values.Floats(out);
  }

  /** The size of the last axis, over which the statistics are kept apart; 1 for a scalar. */
  static int features(Field field) {
    int[] shape = field.shape();
    return shape.length == 0 ? 1 : shape[shape.length - 1];
  }

  @Override
  public String toString() {
    return "mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Standardization other && Arrays.equals(mean, other.mean) && Arrays.equals(std, other.std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }
}
