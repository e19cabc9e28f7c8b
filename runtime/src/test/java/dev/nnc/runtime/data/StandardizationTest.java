package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardizationTest {
  /** Images of 2×1 pixels and 2 channels: record r holds channel 0 = {r, r + 2}, channel 1 = {10 r, 10 r}. */
  private static Dataset images(int... records) {
    double[][] rows = new double[records.length][];
    for (int i = 0; i < records.length; i++) {
      int r = records[i];
      rows[i] = new double[] {r, 10 * r, r + 2, 10 * r};
    }
    return Records.of(List.of(Field.floats("image", 2, 1, 2)), rows);
  }

  private static float[] all(Dataset data) {
    return data.batches(data.size(), 0, 0).next().floats("image");
  }

  @Test
  void computesOneMeanAndDeviationPerChannelOverEveryRecordAndPixel() {
    Dataset data = images(0, 1, 2, 3).standardize("image");

    // Channel 0 holds 0..3 and 2..5: mean 2.5, variance (2 * 6.25 + 2 * 2.25 + 4 * 0.25) / 8 = 2.25.
    // Channel 1 holds 0, 0, 10, 10, 20, 20, 30, 30: mean 15, variance 125.
    Standardization s = data.standardization("image");
    assertArrayEquals(new float[] {2.5f, 15f}, s.mean());
    assertArrayEquals(new float[] {1.5f, (float) Math.sqrt(125)}, s.std());
    float[] first = all(data);
    assertEquals((0 - 2.5f) / (1.5f + 1e-6f), first[0]);
    assertEquals((0 - 15f) / ((float) Math.sqrt(125) + 1e-6f), first[1]);
  }

  @Test
  void otherDataIsStandardisedWithTheStatisticsOfTheDataItIsLike() {
    Dataset train = images(0, 1, 2, 3).standardize("image");
    Dataset test = images(7).standardize("image", train);

    assertEquals(train.standardization("image"), test.standardization("image"));
    float[] x = all(test);
    assertEquals((7 - 2.5f) / (1.5f + 1e-6f), x[0]);
    assertEquals((9 - 2.5f) / (1.5f + 1e-6f), x[2]);
    assertEquals((70 - 15f) / ((float) Math.sqrt(125) + 1e-6f), x[1]);
  }

  @Test
  void theStatisticsComeFromTheRecordsLeftAfterASplitAndLaterStepsKeepThem() {
    Dataset.Parts parts = images(0, 1, 2, 3, 100, 200).split(4.0 / 6);
    Dataset train = parts.first().standardize("image").shuffle(4).take(2);

    assertArrayEquals(new float[] {2.5f, 15f}, train.standardization("image").mean());
  }

  @Test
  void aFeatureThatNeverChangesBecomesZeroNotInfinite() {
    Dataset data = Records.of(List.of(Field.floats("x")), new double[][] {{4}, {4}}).standardize("x");

    assertArrayEquals(new float[] {0, 0}, data.batches(2, 0, 0).next().floats("x"));
  }

  @Test
  void refusesRecordsThatChangeEveryEpochAndDataWithoutStatistics() {
    assertEquals("standardize(image) after shuffle would compute its statistics over different records every"
        + " epoch; standardize first, then shuffle",
        assertThrows(DataException.class, () -> images(1, 2).shuffle(2).standardize("image")).getMessage());
    assertEquals("standardize(image) after a random step (augment, random records) would need new statistics"
        + " every epoch; standardize first",
        assertThrows(DataException.class,
            () -> images(1, 2).augment("image", Augmentation.none().flipHorizontal()).standardize("image")).getMessage());
    assertEquals("no standardize(image) in this data to take statistics from",
        assertThrows(DataException.class, () -> images(1).standardize("image", images(2))).getMessage());
  }
}
