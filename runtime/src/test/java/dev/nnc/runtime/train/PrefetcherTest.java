package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.data.Records;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrefetcherTest {
  @Test
  void deliversEveryBatchInOrder() {
    double[][] rows = new double[10][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {i};
    }
    List<Integer> firstOfEach = new ArrayList<>();
    try (Prefetcher batches = new Prefetcher(
        () -> Records.of(List.of(Field.ints("n")), rows).batches(3, 0, 0))) {
      batches.forEachRemaining(batch -> firstOfEach.add(batch.ints("n")[0]));
    }

    assertEquals(List.of(0, 3, 6, 9), firstOfEach);
  }

  @Test
  void batchesReusingReleasedArraysHoldTheValuesOfAPassWithoutReuse() {
    double[][] rows = new double[1000][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new double[] {i, -i, i % 7};
    }
    Dataset data = Records.of(List.of(Field.floats("x", 2), Field.ints("y")), rows).shuffle(1000);
    for (int epoch = 0; epoch < 3; epoch++) {
      int current = epoch;
      Iterator<Batch> fresh = data.batches(32, 5, epoch);
      Set<float[]> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
      try (Prefetcher batches = new Prefetcher(() -> data.batches(32, 5, current))) {
        while (batches.hasNext()) {
          Batch batch = batches.next();
          Batch expected = fresh.next();
          arrays.add(batch.floats("x"));
          assertArrayEquals(expected.floats("x"), batch.floats("x"));
          assertArrayEquals(expected.ints("y"), batch.ints("y"));
        }
      }
      assertFalse(fresh.hasNext());
      // 32 batches from a handful of arrays: each batch handed back the one before it.
      assertTrue(arrays.size() <= 8, arrays.size() + " arrays for 32 batches");
    }
  }

  @Test
  void passesOnWhatStoppedTheBackgroundThread() {
    DataException problem = new DataException("bad record");
    try (Prefetcher batches = new Prefetcher(() -> failing(problem))) {
      assertSame(problem, assertThrows(DataException.class, batches::hasNext));
    }
    StackOverflowError error = new StackOverflowError();
    try (Prefetcher batches = new Prefetcher(() -> failing(error))) {
      assertSame(error, assertThrows(StackOverflowError.class, batches::hasNext));
    }
  }

  private static Iterator<Batch> failing(Throwable problem) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Batch next() {
        if (problem instanceof Error error) {
          throw error;
        }
        throw (RuntimeException) problem;
      }
    };
  }
}
