package dev.nnc.runtime.distributed;

/**
 * Which records of every global batch a worker trains on: {@code batch:} is the global batch, and
 * worker {@code i} of {@code n} takes the {@code batch / n} records from {@code i * batch / n}, so the
 * workers' slices are disjoint and together the whole batch, in the order one process would read it.
 */
public record DataShard(int index, int count) {
  public DataShard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard " + index + " of " + count);
    }
  }

  public static DataShard of(ClusterTask task) {
    return new DataShard(task.index(), task.size());
  }

  /** The records per worker of a global batch of {@code batch}; an error, before training, if the workers do not divide it. */
  public int rows(int batch) {
    if (batch % count != 0) {
      int below = batch / count * count;
      int above = below + count;
      throw new ClusterException("batch: " + batch + " cannot be split evenly among " + count + " workers; choose a"
          + " batch that " + count + " divides" + (below > 0 ? " (" + below + " or " + above + ")" : " (" + above + ")"));
    }
    return batch / count;
  }

  /** The first record of this worker's slice, counted within the global batch. */
  public int first(int batch) {
    return index * rows(batch);
  }
}
