package dev.nnc.cli;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.Field;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** The smallest, largest and mean value of every field over one epoch of a dataset. */
final class FieldRanges {
  private static final int BATCH = 1024;

  /** One field's range; {@code count} values were seen. */
  record Range(double min, double max, double mean, long count) {}

  private FieldRanges() {}

  static Map<String, Range> of(Dataset data, long seed) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (Field field : data.fields()) {
      sums.put(field.name(), new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 0});
    }
    for (Iterator<Batch> batches = data.batches(BATCH, seed, 0); batches.hasNext(); ) {
      Batch batch = batches.next();
      for (Field field : data.fields()) {
        double[] s = sums.get(field.name());
        if (field.type() == ElementType.FLOAT) {
          for (float v : batch.floats(field.name())) {
            add(s, v);
          }
        } else {
          for (int v : batch.ints(field.name())) {
            add(s, v);
          }
        }
      }
    }
    Map<String, Range> ranges = new LinkedHashMap<>();
    sums.forEach((name, s) -> ranges.put(name, new Range(s[0], s[1], s[3] == 0 ? Double.NaN : s[2] / s[3], (long) s[3])));
    return ranges;
  }

  /** Running minimum, maximum, sum and count. */
  private static void add(double[] s, double v) {
    s[0] = Math.min(s[0], v);
    s[1] = Math.max(s[1], v);
    s[2] += v;
    s[3]++;
  }
}
