package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import java.util.Iterator;
import java.util.Map;

/**
 * The {@link BatchSource} of a job that learns by acting: one tick per environment step, the job's
 * one clock, and an "epoch" of {@link ActingSpec#LOG_EVERY} steps, which is a row of the reports.
 * The experience itself is made by the step ({@link ActingStep}), which acts with the weights of the
 * moment; a tick carries nothing, so prefetching it acts ahead of nothing.
 */
final class EnvironmentClock implements BatchSource {
  private static final Batch TICK = Batch.of(1, Map.of());

  @Override
  public long batchesPerEpoch() {
    return ActingSpec.LOG_EVERY;
  }

  @Override
  public Iterator<Batch> batches(int epoch, int first) {
    return new Iterator<>() {
      private long left = ActingSpec.LOG_EVERY - first;

      @Override
      public boolean hasNext() {
        return left > 0;
      }

      @Override
      public Batch next() {
        left--;
        return TICK;
      }
    };
  }

  @Override
  public long records() {
    return ActingSpec.LOG_EVERY;
  }
}
