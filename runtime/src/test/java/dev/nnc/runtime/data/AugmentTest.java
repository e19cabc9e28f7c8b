package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AugmentTest {
  private static final int RECORDS = 40;

  /** {@code RECORDS} copies of a 2×3 one-channel image with values 0..5, row by row. */
  private static Dataset images() {
    double[][] rows = new double[RECORDS][];
    for (int r = 0; r < RECORDS; r++) {
      rows[r] = new double[] {0, 1, 2, 3, 4, 5};
    }
    return Records.of(List.of(Field.floats("image", 2, 3, 1)), rows);
  }

  private static float[] image(float[] all, int record) {
    return Arrays.copyOfRange(all, record * 6, record * 6 + 6);
  }

  @Test
  void flipsAboutHalfTheImagesAndLeavesTheRestAlone() {
    Dataset data = images().augment("image", Augmentation.none().flipHorizontal());
    float[] all = data.batches(RECORDS, 1, 0).next().floats("image");

    int flipped = 0;
    for (int r = 0; r < RECORDS; r++) {
      float[] image = image(all, r);
      if (Arrays.equals(image, new float[] {2, 1, 0, 5, 4, 3})) {
        flipped++;
      } else {
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, image);
      }
    }
    assertTrue(flipped > 5 && flipped < RECORDS - 5, flipped + " of " + RECORDS + " flipped");
  }

  @Test
  void drawsNewChangesEveryEpochTheSameForTheSameSeedAndBatchSize() {
    Dataset data = images().augment("image", Augmentation.none().rotate(30).shift(0.2).zoom(0.2));

    float[] epoch0 = data.batches(RECORDS, 1, 0).next().floats("image");
    float[] again = data.batches(RECORDS, 1, 0).next().floats("image");
    float[] inSmallBatches = data.batches(7, 1, 0).next().floats("image");
    assertArrayEquals(epoch0, again);
    assertArrayEquals(Arrays.copyOf(epoch0, 7 * 6), inSmallBatches);
    assertFalse(Arrays.equals(epoch0, data.batches(RECORDS, 1, 1).next().floats("image")));
    for (float v : epoch0) {
      assertTrue(v >= 0 && v <= 5, "interpolated value " + v + " outside the image's range");
    }
  }

  @Test
  void takesOnlyImageFieldsAndSensibleLimits() {
    Dataset flat = Records.of(List.of(Field.floats("x", 6)), new double[][] {{0, 1, 2, 3, 4, 5}});

    DataException e = assertThrows(DataException.class,
        () -> flat.augment("x", Augmentation.none().flipVertical()));
    assertEquals("augment(x): field x: float[6] is not an image; augment takes a float[height, width, channels] field",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Augmentation.none().shift(1.5));
  }
}
