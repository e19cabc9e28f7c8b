package dev.nnc.runtime.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/** One step of a dataset's view: it turns the record order of an epoch into a new order. */
sealed interface ViewStep {
  /** The number of records after this step, given the number before it. */
  int size(int before);

  /** The new order; {@code random} is this step's generator for the epoch. */
  int[] apply(int[] order, SplittableRandom random);

  record Take(int count) implements ViewStep {
    @Override
    public int size(int before) {
      return Math.min(count, before);
    }

    @Override
    public int[] apply(int[] order, SplittableRandom random) {
      return Arrays.copyOf(order, size(order.length));
    }
  }

  record Skip(int count) implements ViewStep {
    @Override
    public int size(int before) {
      return Math.max(before - count, 0);
    }

    @Override
    public int[] apply(int[] order, SplittableRandom random) {
      return Arrays.copyOfRange(order, Math.min(count, order.length), order.length);
    }
  }

  /**
   * tf.data's buffered shuffle: keep {@code buffer} records, emit a random one and refill its slot
   * from the input. A buffer at least as large as the data gives a uniform permutation.
   */
  record Shuffle(int buffer) implements ViewStep {
    @Override
    public int size(int before) {
      return before;
    }

    @Override
    public int[] apply(int[] order, SplittableRandom random) {
      int[] out = new int[order.length];
      int[] pool = Arrays.copyOf(order, Math.min(buffer, order.length));
      int filled = pool.length;
      int next = filled;
      for (int i = 0; i < out.length; i++) {
        int pick = random.nextInt(filled);
        out[i] = pool[pick];
        pool[pick] = next < order.length ? order[next++] : pool[--filled];
      }
      return out;
    }
  }
}
