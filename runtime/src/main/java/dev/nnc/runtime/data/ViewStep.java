package dev.nnc.runtime.data;

import java.util.Arrays;
import java.util.OptionalLong;
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

  /** Every record {@code times} times over, the copies one after another. */
  record Repeat(int times) implements ViewStep {
    @Override
    public int size(int before) {
      return Math.multiplyExact(before, times);
    }

    @Override
    public int[] apply(int[] order, SplittableRandom random) {
      int[] out = new int[size(order.length)];
      for (int copy = 0; copy < times; copy++) {
        System.arraycopy(order, 0, out, copy * order.length, order.length);
      }
      return out;
    }
  }

  /** Only as many records as fill whole batches of {@code batchSize}: the remainder is left out. */
  record WholeBatches(int batchSize) implements ViewStep {
    @Override
    public int size(int before) {
      return before - before % batchSize;
    }

    @Override
    public int[] apply(int[] order, SplittableRandom random) {
      return Arrays.copyOf(order, size(order.length));
    }
  }

  /**
   * One of the two parts of {@code split(fraction)}: the first {@code round(n * fraction)} records,
   * or the rest. With a seed the records are first put in a fixed random order, the same every
   * epoch, so the two parts never share a record.
   */
  record Part(double fraction, boolean first, OptionalLong seed) implements ViewStep {
    @Override
    public int size(int before) {
      int cut = cut(before);
      return first ? cut : before - cut;
    }

    @Override
    public int[] apply(int[] order, SplittableRandom random) {
      int[] arranged = seed.isPresent() ? fixedShuffle(order, seed.getAsLong()) : order;
      int cut = cut(order.length);
      return first ? Arrays.copyOf(arranged, cut) : Arrays.copyOfRange(arranged, cut, order.length);
    }

    private int cut(int records) {
      return (int) Math.round(records * fraction);
    }

    private static int[] fixedShuffle(int[] order, long seed) {
      int[] out = order.clone();
      SplittableRandom random = new SplittableRandom(seed);
      for (int i = out.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = out[i];
        out[i] = out[j];
        out[j] = swap;
      }
      return out;
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
