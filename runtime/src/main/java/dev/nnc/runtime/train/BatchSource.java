package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import java.util.Iterator;

/**
 * Where a run's batches come from, one of the pieces {@link RunLoop} is made of: a data set in
 * batches ({@link DatasetBatches}) for every job today; an environment's experience for
 * reinforcement learning. An epoch's batches must follow from the epoch alone, the same each time
 * they are asked for: a resumed run asks again for the epoch it stopped in, from the batch it had reached.
 */
interface BatchSource {
  /** How many batches an epoch has. */
  long batchesPerEpoch();

  /** The batches of epoch {@code epoch} (from 0), from batch {@code first} (from 0) on. */
  Iterator<Batch> batches(int epoch, int first);

  /** How many records an epoch holds, as the run's report tells it. */
  long records();
}
