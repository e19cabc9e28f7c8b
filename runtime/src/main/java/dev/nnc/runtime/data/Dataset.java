package dev.nnc.runtime.data;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.IntFunction;

/**
 * An immutable, in-memory set of records stored column by column, seen through a view (shuffle,
 * take, skip, repeat, split) that is applied afresh every epoch. Fields are computed once, over
 * every stored record, when {@link #map} or {@link #oneHot} is called — except after a step that
 * draws random numbers ({@link #augment}, a {@link Noise} field): from there on fields are computed
 * batch by batch, so every epoch sees new draws.
 */
public final class Dataset {
  private static final IntFunction<SplittableRandom> NO_RANDOMS = record -> {
    throw new IllegalStateException("a step that is not random asked for random numbers");
  };

  private final Table table;
  private final List<ViewStep> view;
  private final List<FieldStep> perBatch;
  /** The statistics each {@link #standardize} computed, by field, for the data standardised {@code like} this. */
  private final Map<String, Standardization> statistics;
  /** No records, but every field and vocabulary a batch will have. */
  private final Table layout;

  Dataset(Table table) {
    this(table, List.of(), List.of());
  }

  Dataset(Table table, List<ViewStep> view, List<FieldStep> perBatch) {
    this(table, view, perBatch, Map.of());
  }

  private Dataset(Table table, List<ViewStep> view, List<FieldStep> perBatch, Map<String, Standardization> statistics) {
    this.table = table;
    this.view = List.copyOf(view);
    this.perBatch = List.copyOf(perBatch);
    this.statistics = statistics; // never changed: each standardize makes a new map
    // Running the per-batch steps on no records gives their fields and checks they fit, up front.
    this.layout = compute(table.gather(new int[0], 0, 0), i -> NO_RANDOMS);
  }

  /** The two parts of {@link #split}. */
  public record Parts(Dataset first, Dataset rest) {}

  public List<Field> fields() {
    return layout.fields();
  }

  /** The field called {@code name}; a {@link DataException} lists the fields there are otherwise. */
  public Field field(String name) {
    return layout.field(name);
  }

  /**
   * What each value of an INT field stands for: the class names of an image folder's labels, the
   * characters of a text; empty when the values are plain numbers.
   */
  public List<String> vocabulary(String field) {
    field(field);
    return layout.vocabulary(field);
  }

  /** The number of records in one epoch. */
  public int size() {
    int size = table.size();
    for (ViewStep step : view) {
      size = step.size(size);
    }
    return size;
  }

  /** This dataset with the FLOAT field {@code field} computed by {@code fn}, replacing a field of the same name. */
  public Dataset map(String field, ColumnFunction fn) {
    return then(new FieldStep.Map(field, fn));
  }

  /** This dataset with the INT field {@code field} replaced by one-hot FLOAT vectors of {@code depth}. */
  public Dataset oneHot(String field, int depth) {
    requirePositive("one_hot depth", depth);
    return then(new FieldStep.OneHot(field, depth));
  }

  /** This dataset with the image field {@code field} transformed at random, anew every epoch. */
  public Dataset augment(String field, Augmentation augmentation) {
    return then(new AugmentStep(field, augmentation));
  }

  /**
   * This dataset with the FLOAT field {@code field} standardised feature by feature (see {@link
   * Standardization}), with statistics computed once, now, over the records of one epoch. Those
   * records must be the same every epoch: no shuffle and no random step may come before.
   */
  public Dataset standardize(String field) {
    if (!perBatch.isEmpty()) {
      throw new DataException("standardize(" + field + ") after a random step (augment, random records)"
          + " would need new statistics every epoch; standardize first");
    }
    if (view.stream().anyMatch(step -> step instanceof ViewStep.Shuffle)) {
      throw new DataException("standardize(" + field + ") after shuffle would compute its statistics over"
          + " different records every epoch; standardize first, then shuffle");
    }
    return standardize(field, Standardization.of(table.field(field), table.values(field), order(0, 0)));
  }

  /** This dataset with {@code field} standardised with the statistics {@code like} computed for its field of that name. */
  public Dataset standardize(String field, Dataset like) {
    return standardize(field, like.standardization(field));
  }

  /** The statistics {@link #standardize} computed for {@code field}. */
  public Standardization standardization(String field) {
    Standardization s = statistics.get(field);
    if (s == null) {
      throw new DataException("no standardize(" + field + ") in this data to take statistics from"
          + (statistics.isEmpty() ? "" : "; it standardises " + String.join(", ", statistics.keySet())));
    }
    return s;
  }

  private Dataset standardize(String field, Standardization s) {
    Dataset next = then(new FieldStep.Standardize(field, s));
    Map<String, Standardization> all = new LinkedHashMap<>(statistics);
    all.put(field, s);
    return new Dataset(next.table, next.view, next.perBatch, all);
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

  /** Every record {@code times} times in one epoch, the copies one after another. */
  public Dataset repeat(int times) {
    requirePositive("repeat", times);
    return then(new ViewStep.Repeat(times));
  }

  /** Each epoch cut to whole batches of {@code batchSize}: the records of a last partial batch are left out. */
  public Dataset dropLast(int batchSize) {
    requirePositive("batch size", batchSize);
    return then(new ViewStep.WholeBatches(batchSize));
  }

  /** The first {@code round(size * fraction)} records and the rest, in their order. */
  public Parts split(double fraction) {
    return split(fraction, OptionalLong.empty());
  }

  /** As {@link #split(double)}, after putting the records in a fixed random order drawn from {@code seed}. */
  public Parts split(double fraction, long seed) {
    return split(fraction, OptionalLong.of(seed));
  }

  private Parts split(double fraction, OptionalLong seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("split takes a fraction between 0 and 1, got " + fraction);
    }
    if (view.stream().anyMatch(step -> step instanceof ViewStep.Shuffle)) {
      // A shuffle changes every epoch, so the parts would trade records from epoch to epoch.
      throw new DataException("split after shuffle would put different records in each part every"
          + " epoch; split first, then shuffle each part");
    }
    return new Parts(then(new ViewStep.Part(fraction, true, seed)),
        then(new ViewStep.Part(fraction, false, seed)));
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
      order = view.get(i).apply(order, new SplittableRandom(Seeds.mix(seed, epoch, i)));
    }
    return order;
  }

  /**
   * The batches of epoch {@code epoch}, gathered lazily; the last one holds the remaining records
   * and may be smaller than {@code batchSize}. Random draws come from {@code seed}, the epoch and
   * each record's place in the epoch, so they do not depend on the batch size. A batch handed back
   * with {@link Batch#release} lends its arrays to a later one, so a consumer that releases each
   * batch when done with it allocates a few batches' worth per pass instead of one per batch.
   */
  public Iterator<Batch> batches(int batchSize, long seed, int epoch) {
    return batches(batchSize, seed, epoch, 0);
  }

  /**
   * As {@link #batches(int, long, int)}, from batch {@code first} (counting from 0) on: the batches
   * of an epoch that a run resumed from a checkpoint has still to train on.
   */
  public Iterator<Batch> batches(int batchSize, long seed, int epoch, int first) {
    requirePositive("batch size", batchSize);
    requireNotNegative("first batch", first);
    int[] order = order(seed, epoch);
    // Released by the consumer's thread, taken by the one gathering: a thread-safe queue.
    Queue<Table> free = new ConcurrentLinkedQueue<>();
    return new Iterator<>() {
      private int next = (int) Math.min((long) first * batchSize, order.length);

      @Override
      public boolean hasNext() {
        return next < order.length;
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int from = next;
        int count = Math.min(batchSize, order.length - from);
        next += count;
        Table gathered = table.gather(order, from, count, free.poll());
        return new Batch(compute(gathered, step -> record -> new SplittableRandom(
            Seeds.mix(seed, epoch, order[from + record], from + record, step))), gathered, free);
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
    return size() + " records " + layout.describeFields();
  }

  /** Runs the per-batch steps over {@code records}; {@code randoms.apply(step)} serves step {@code step}. */
  private Table compute(Table records, IntFunction<IntFunction<SplittableRandom>> randoms) {
    for (int i = 0; i < perBatch.size(); i++) {
      records = perBatch.get(i).apply(records, randoms.apply(i));
    }
    return records;
  }

  private Dataset then(FieldStep step) {
    if (perBatch.isEmpty() && !step.random()) {
      return new Dataset(step.apply(table, NO_RANDOMS), view, perBatch, statistics);
    }
    List<FieldStep> steps = new ArrayList<>(perBatch);
    steps.add(step);
    return new Dataset(table, view, steps, statistics);
  }

  private Dataset then(ViewStep step) {
    List<ViewStep> steps = new ArrayList<>(view);
    steps.add(step);
    return new Dataset(table, steps, perBatch, statistics);
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
