package dev.nnc.runtime.data;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The endless random sources {@code normal(shape)} and {@code uniform(shape)}: records with one
 * FLOAT field {@code value}, drawn anew for every record and epoch. An epoch needs a length, so
 * the only way to a {@link Dataset} is {@link #take}.
 */
public final class Noise {
  /** The field a random source's records have. */
  public static final String FIELD = "value";

  private final NoiseStep step;

  private Noise(NoiseStep step) {
    this.step = step;
  }

  /** Values from the normal distribution with {@code mean} and standard deviation {@code std}. */
  public static Noise normal(double mean, double std, int... shape) {
    if (!(std > 0)) {
      throw new IllegalArgumentException("normal needs a positive standard deviation, got " + std);
    }
    return new Noise(new NoiseStep(Field.floats(FIELD, shape), random -> mean + std * random.nextGaussian()));
  }

  /** Values drawn uniformly from [lo, hi). */
  public static Noise uniform(double lo, double hi, int... shape) {
    if (!(lo < hi)) {
      throw new IllegalArgumentException("uniform needs lo < hi, got " + lo + " and " + hi);
    }
    return new Noise(new NoiseStep(Field.floats(FIELD, shape), random -> random.nextDouble(lo, hi)));
  }

  /** {@code records} random records per epoch. */
  public Dataset take(int records) {
    if (records <= 0) {
      throw new IllegalArgumentException("take must be positive for a random source, got " + records);
    }
    return new Dataset(Table.empty(records), List.of(), List.of(step));
  }

  /** One draw from a record's random stream. */
  private interface Draw {
    double next(SplittableRandom random);
  }

  private record NoiseStep(Field field, Draw draw) implements FieldStep {
    @Override
    public boolean random() {
      return true;
    }

    @Override
    public Table apply(Table records, IntFunction<SplittableRandom> randoms) {
      int elements = field.elements();
      float[] values = new float[records.size() * elements];
      for (int r = 0; r < records.size(); r++) {
        SplittableRandom random = randoms.apply(r);
        for (int e = 0; e < elements; e++) {
          values[r * elements + e] = (float) draw.next(random);
        }
      }
      return records.with(field, new Values.Floats(values));
    }
  }
}
