package dev.nnc.runtime.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * An immutable, in-memory set of records stored column by column, seen through a view (shuffle,
 * take, skip) that is applied afresh every epoch. {@link #map} computes a field once, for every
 * stored record, when it is called.
 */
public final class Dataset {
  private final Table table;
  private final List<ViewStep> view;

  Dataset(Table table) {
    this(table, List.of());
  }

  private Dataset(Table table, List<ViewStep> view) {
    this.table = table;
    this.view = view;
  }

  public List<Field> fields() {
    return table.fields();
  }

  /** The field called {@code name}; a {@link DataException} lists the fields there are otherwise. */
  public Field field(String name) {
    return table.field(name);
  }

  /** The number of records in one epoch. */
  public int size() {
    int size = table.size();
    for (ViewStep step : view) {
      size = step.size(size);
    }
    return size;
  }

  /**
   * This dataset with the FLOAT field {@code field} computed by {@code fn}, replacing a field of the
   * same name. The function runs once over every stored record (not only those in the view).
   */
  public Dataset map(String field, ColumnFunction fn) {
    Column column = fn.apply(new Columns(table));
    Field computed = Field.floats(field, column.shape());
    Values values = new Values.Floats(column.valuesFor(table.size()));
    return new Dataset(table.with(computed, values), view);
  }

  /** Records in a new random order every epoch, drawn through a buffer of {@code buffer} records. */
  public Dataset shuffle(int buffer) {
    requirePositive("shuffle buffer", buffer);
    return then(new ViewStep.Shuffle(buffer));
  }

  /** The first {@code n} records. */
  public Dataset take(int n) {
    requireNotNegative("take", n);
    return then(new ViewStep.Take(n));
  }

  /** All records but the first {@code n}. */
  public Dataset skip(int n) {
    requireNotNegative("skip", n);
    return then(new ViewStep.Skip(n));
  }

  /**
   * The stored records' indices in the order of epoch {@code epoch}; shuffles draw from {@code seed}
   * and the epoch, so the same seed gives the same orders.
   */
  public int[] order(long seed, int epoch) {
    int[] order = new int[table.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = 0; i < view.size(); i++) {
      order = view.get(i).apply(order, new SplittableRandom(mix(seed, epoch, i)));
    }
    return order;
  }

  /**
   * The batches of epoch {@code epoch}, gathered lazily; the last one holds the remaining records
   * and may be smaller than {@code batchSize}.
   */
  public Iterator<Batch> batches(int batchSize, long seed, int epoch) {
    requirePositive("batch size", batchSize);
    int[] order = order(seed, epoch);
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < order.length;
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int count = Math.min(batchSize, order.length - next);
        Batch batch = table.gather(order, next, count);
        next += count;
        return batch;
      }
    };
  }

  /** The number of batches of {@code batchSize} in one epoch, the last partial one included. */
  public int batchCount(int batchSize) {
    requirePositive("batch size", batchSize);
    return (size() + batchSize - 1) / batchSize;
  }

  @Override
  public String toString() {
    return size() + " records " + table.describeFields();
  }

  private Dataset then(ViewStep step) {
    List<ViewStep> steps = new ArrayList<>(view);
    steps.add(step);
    return new Dataset(table, List.copyOf(steps));
  }

  /** A well-spread seed for one step of one epoch: nearby SplittableRandom seeds correlate. */
  private static long mix(long seed, int epoch, int step) {
    long h = seed;
    h = murmurMix(h ^ (0x9E3779B97F4A7C15L * (epoch + 1L)));
    h = murmurMix(h ^ (0xC2B2AE3D27D4EB4FL * (step + 1L)));
    return h;
  }

  private static long murmurMix(long h) {
    h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
    h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }

  private static void requirePositive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
  }

  private static void requireNotNegative(String what, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative, got " + value);
    }
  }
}
