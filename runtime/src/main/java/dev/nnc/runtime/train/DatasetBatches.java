package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Dataset;
import java.util.Iterator;

/** A data set's records in batches of {@code batch}, shuffled and drawn from {@code seed} and the epoch. */
record DatasetBatches(Dataset data, int batch, long seed) implements BatchSource {
  @Override
  public long batchesPerEpoch() {
    return data.batchCount(batch);
  }

  @Override
  public Iterator<Batch> batches(int epoch, int first) {
    return data.batches(batch, seed, epoch, first);
  }

  @Override
  public long records() {
    return data.size();
  }
}
