package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoiseTest {
  private static float[] values(Dataset data, int batch, long seed, int epoch) {
    float[] all = new float[0];
    for (Iterator<Batch> it = data.batches(batch, seed, epoch); it.hasNext(); ) {
      float[] next = it.next().floats(Noise.FIELD);
      int at = all.length;
      all = Arrays.copyOf(all, at + next.length);
      System.arraycopy(next, 0, all, at, next.length);
    }
    return all;
  }

  @Test
  void drawsRecordsOfTheGivenShapeForAsManyAsTaken() {
    Dataset data = Noise.normal(0, 1, 2, 3).take(5);

    assertEquals(List.of(Field.floats("value", 2, 3)), data.fields());
    assertEquals(5, data.size());
    assertEquals(30, values(data, 5, 1, 0).length);
  }

  @Test
  void drawsAfreshEveryEpochButTheSameForTheSameSeedWhateverTheBatchSize() {
    Dataset data = Noise.uniform(-1, 1, 4).take(10);

    float[] epoch0 = values(data, 10, 7, 0);
    assertArrayEquals(epoch0, values(data, 3, 7, 0));
    assertFalse(Arrays.equals(epoch0, values(data, 10, 7, 1)));
    assertFalse(Arrays.equals(epoch0, values(data, 10, 8, 0)));
  }

  @Test
  void followsTheDistributionsParameters() {
    float[] normal = values(Noise.normal(3, 2, 10).take(2000), 500, 1, 0);
    float[] uniform = values(Noise.uniform(5, 6, 10).take(2000), 500, 1, 0);

    double mean = 0;
    for (float v : normal) {
      mean += v / normal.length;
    }
    double variance = 0;
    for (float v : normal) {
      variance += (v - mean) * (v - mean) / normal.length;
    }
    assertEquals(3, mean, 0.05);
    assertEquals(2, Math.sqrt(variance), 0.05);
    for (float v : uniform) {
      assertEquals(5.5, v, 0.5);
    }
  }
}
