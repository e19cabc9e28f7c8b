package dev.nnc.compiler.check;

import dev.nnc.stdlib.spec.TensorShape;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The memory a training step holds, estimated from the checked model, in bytes (every value is a
 * 4-byte float or int): the weights, a gradient per trainable weight, the optimizer's slots (so many
 * values per trainable weight), early stopping's copy of the best weights, and the activations of a
 * batch — each model input and each layer's output, which the backward pass keeps. TensorFlow's
 * own buffers and the data pipeline's are left out, so it is a floor, not a ceiling.
 */
record TrainingMemory(long weights, long gradients, int slotsPerWeight, long slots, long bestWeights,
    int batch, long activationsPerRecord) {
  static final int BYTES_PER_VALUE = 4;

  static TrainingMemory of(ModelInstance model, int slotsPerWeight, boolean keepsBestWeights, int batch) {
    long all = model.trainable() + model.nonTrainable();
    long perRecord = model.inputs().values().stream().mapToLong(t -> perRecord(t.shape())).sum()
        + model.rows().stream().mapToLong(r -> perRecord(r.output().shape())).sum();
    return new TrainingMemory(all * BYTES_PER_VALUE, model.trainable() * BYTES_PER_VALUE, slotsPerWeight,
        model.trainable() * slotsPerWeight * BYTES_PER_VALUE, keepsBestWeights ? all * BYTES_PER_VALUE : 0,
        batch, perRecord * BYTES_PER_VALUE);
  }

  /** The values of one record of a batched tensor; none for a scalar, such as a loss. */
  private static long perRecord(TensorShape shape) {
    return shape.rank() == 0 ? 0 : Math.max(0, shape.unbatched().elements());
  }

  long activations() {
    return batch * activationsPerRecord;
  }

  long total() {
    return weights + gradients + slots + bestWeights + activations();
  }

  /** The parts that are not zero, named as a reader of the error would name them. */
  Map<String, Long> parts() {
    Map<String, Long> parts = new LinkedHashMap<>();
    parts.put("weights", weights);
    parts.put("gradients", gradients);
    if (slots > 0) {
      parts.put("optimizer slots (" + slotsPerWeight + " per weight)", slots);
    }
    if (bestWeights > 0) {
      parts.put("early stopping's best weights", bestWeights);
    }
    parts.put("activations of a batch of " + batch, activations());
    return parts;
  }

  /** {@code 512 B}, {@code 3.2 KiB}, {@code 1.5 GiB}: binary units, as the budget is written. */
  static String bytes(long n) {
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    if (n < 1024) {
      return n + " B";
    }
    double value = n;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
