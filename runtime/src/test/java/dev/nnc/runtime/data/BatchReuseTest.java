package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A released batch lends its arrays to a later batch of the same pass, and to no one else. */
class BatchReuseTest {
  private static final int PIXELS = 784;

  /** {@code count} records of {@code image: float[784]} and {@code label: int}, shuffled every epoch. */
  private static Dataset images(int count) {
    double[][] rows = new double[count][PIXELS + 1];
    for (int i = 0; i < count; i++) {
      for (int p = 0; p < PIXELS; p++) {
        rows[i][p] = i * 0.5 + p;
      }
      rows[i][PIXELS] = i % 10;
    }
    return Records.of(List.of(Field.floats("image", PIXELS), Field.ints("label")), rows).shuffle(count);
  }

  @Test
  void aReleasedBatchsArraysAreRefilledByALaterBatch() {
    Iterator<Batch> batches = images(30).batches(10, 1, 0);
    Batch first = batches.next();
    float[] firstImages = first.floats("image");
    first.release();
    Batch second = batches.next();
    assertSame(firstImages, second.floats("image"));
    // Not released: the third batch gets arrays of its own.
    assertNotSame(second.floats("image"), batches.next().floats("image"));
  }

  @Test
  void reusedArraysHoldExactlyTheValuesOfFreshOnes() {
    Dataset data = images(250);
    for (int epoch = 0; epoch < 3; epoch++) {
      Iterator<Batch> fresh = data.batches(16, 7, epoch);
      Iterator<Batch> reused = data.batches(16, 7, epoch);
      while (fresh.hasNext()) {
        Batch expected = fresh.next();
        Batch actual = reused.next();
        // The last batch of 250 is 10 records long: it cannot reuse an array of 16.
        assertArrayEquals(expected.floats("image"), actual.floats("image"));
        assertArrayEquals(expected.ints("label"), actual.ints("label"));
        actual.release();
      }
      assertFalse(reused.hasNext());
    }
  }

  @Test
  void releasingEachBatchAllocatesAFractionOfABatchPerStep() {
    // Each pass allocates its first batch's arrays: 50 batches a pass make that 2% of a batch per step.
    Dataset data = images(5000);
    long batchBytes = 100L * (PIXELS + 1) * 4;
    long withRelease = allocatedPerBatch(data, true);
    long without = allocatedPerBatch(data, false);
    assertTrue(without >= batchBytes, "without release: " + without + " bytes per batch");
    assertTrue(withRelease < batchBytes / 20,
        "with release: " + withRelease + " bytes per batch, a batch is " + batchBytes);
  }

  /** Bytes this thread allocates per batch over three passes of batches of 100 (after one to warm up). */
  private static long allocatedPerBatch(Dataset data, boolean release) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = 0;
    int batches = 0;
    for (int epoch = 0; epoch < 4; epoch++) {
      if (epoch == 1) {
        before = threads.getThreadAllocatedBytes(id);
      }
      for (Iterator<Batch> it = data.batches(100, 3, epoch); it.hasNext(); ) {
        Batch batch = it.next();
        if (release) {
          batch.release();
        }
        batches += epoch == 0 ? 0 : 1;
      }
    }
    return (threads.getThreadAllocatedBytes(id) - before) / batches;
  }
}
