package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetTest {
  /** Records {@code (i, i, 10 + i)} for i in 0..count-1: {@code x: float[2]}, {@code y: int}. */
  private static Dataset numbered(int count) {
    double[][] rows = new double[count][];
    for (int i = 0; i < count; i++) {
      rows[i] = new double[] {i, i, 10 + i};
    }
    return Records.of(List.of(Field.floats("x", 2), Field.ints("y")), rows);
  }

  private static int[] labels(Dataset data) {
    return data.batches(data.size(), 0, 0).next().ints("y");
  }

  @Test
  void holdsInlineRecordsFieldByField() {
    Dataset data = numbered(3);

    assertEquals(List.of(Field.floats("x", 2), Field.ints("y")), data.fields());
    Batch batch = data.batches(3, 0, 0).next();
    assertArrayEquals(new float[] {0, 0, 1, 1, 2, 2}, batch.floats("x"));
    assertArrayEquals(new int[] {10, 11, 12}, batch.ints("y"));
  }

  @Test
  void checksTheLengthOfEveryRecord() {
    DataException e = assertThrows(DataException.class, () -> Records.of(
        List.of(Field.floats("x", 2), Field.ints("y")), new double[][] {{1, 2, 3}, {1, 2}}));

    assertEquals("record 2 has 2 values, expected 3 for [x: float[2], y: int]", e.getMessage());
  }

  @Test
  void takesOnlyWholeNumbersForIntFields() {
    DataException e = assertThrows(DataException.class,
        () -> Records.of(List.of(Field.ints("y")), new double[][] {{1}, {0.5}}));

    assertEquals("record 2, field y: 0.5 is not an int", e.getMessage());
  }

  @Test
  void namesTheFieldsThereAreWhenOneIsMissing() {
    DataException e = assertThrows(DataException.class, () -> numbered(1).field("image"));

    assertEquals("no field 'image' in the data; its fields are [x: float[2], y: int]",
        e.getMessage());
  }

  @Test
  void mapsAFieldOverEveryRecordAtOnce() {
    Dataset data = numbered(3).map("x", r -> r.get("x").mul(2).add(1));

    assertEquals(Field.floats("x", 2), data.field("x"));
    assertArrayEquals(new float[] {1, 1, 3, 3, 5, 5}, data.batches(3, 0, 0).next().floats("x"));
  }

  @Test
  void mapsIntFieldsAsFloatsAndBroadcastsScalarsPerRecord() {
    Dataset data = numbered(2).map("scaled", r -> r.get("x").div(r.get("y")).neg());

    assertEquals(List.of(Field.floats("x", 2), Field.ints("y"), Field.floats("scaled", 2)),
        data.fields());
    assertArrayEquals(new float[] {-0f, -0f, -1f / 11, -1f / 11},
        data.batches(2, 0, 0).next().floats("scaled"));
  }

  @Test
  void mapsAConstantIntoEveryRecord() {
    Dataset data = numbered(3).map("one", r -> Column.constant(1));

    assertEquals(Field.floats("one"), data.field("one"));
    assertArrayEquals(new float[] {1, 1, 1}, data.batches(3, 0, 0).next().floats("one"));
  }

  @Test
  void refusesToCombineColumnsOfDifferentShapes() {
    Dataset data = Records.of(List.of(Field.floats("a", 2), Field.floats("b", 3)),
        new double[][] {{1, 2, 3, 4, 5}});

    DataException e = assertThrows(DataException.class,
        () -> data.map("c", r -> r.get("a").sub(r.get("b"))));
    assertEquals("cannot subtract a column of shape [2] and one of shape [3] "
        + "(shapes must be equal or one of them a scalar per record)", e.getMessage());
  }

  @Test
  void takesAndSkipsRecords() {
    Dataset data = numbered(10);

    assertArrayEquals(new int[] {10, 11, 12}, labels(data.take(3)));
    assertArrayEquals(new int[] {17, 18, 19}, labels(data.skip(7)));
    assertArrayEquals(new int[] {12, 13}, labels(data.skip(2).take(2)));
    assertEquals(0, data.skip(20).size());
    assertEquals(10, data.take(20).size());
  }

  @Test
  void shufflesDeterministicallyAndDifferentlyEveryEpoch() {
    Dataset data = numbered(100).shuffle(100);

    int[] epoch0 = data.order(42, 0);
    assertArrayEquals(epoch0, data.order(42, 0));
    assertFalse(Arrays.equals(epoch0, data.order(42, 1)));
    assertFalse(Arrays.equals(epoch0, data.order(43, 0)));
    assertArrayEquals(IntStream.range(0, 100).toArray(), IntStream.of(epoch0).sorted().toArray());
  }

  @Test
  void shufflesThroughABufferLikeTfData() {
    assertArrayEquals(IntStream.range(0, 50).toArray(), numbered(50).shuffle(1).order(1, 0));

    int[] order = numbered(50).shuffle(3).order(1, 0);
    for (int position = 0; position < order.length; position++) {
      assertTrue(order[position] <= position + 2, "record " + order[position] + " at " + position);
    }
    assertArrayEquals(IntStream.range(0, 50).toArray(), IntStream.of(order).sorted().toArray());
  }

  @Test
  void takesFromEachEpochsShuffleWhenTakeFollowsShuffle() {
    Dataset data = numbered(100).shuffle(100).take(5);

    assertEquals(5, data.size());
    assertFalse(Arrays.equals(data.order(1, 0), data.order(1, 1)));
  }

  @Test
  void keepsTheLastPartialBatch() {
    List<Integer> sizes = new ArrayList<>();
    Iterator<Batch> batches = numbered(10).batches(4, 0, 0);
    batches.forEachRemaining(b -> sizes.add(b.size()));

    assertEquals(List.of(4, 4, 2), sizes);
    assertEquals(3, numbered(10).batchCount(4));
  }

  @Test
  void gathersBatchesInTheEpochsOrder() {
    Dataset data = numbered(6).shuffle(6);
    int[] order = data.order(5, 2);

    Batch first = data.batches(4, 5, 2).next();
    assertArrayEquals(new int[] {10 + order[0], 10 + order[1], 10 + order[2], 10 + order[3]},
        first.ints("y"));
    assertArrayEquals(new float[] {order[0], order[0], order[1], order[1]},
        Arrays.copyOf(first.floats("x"), 4));
  }

  @Test
  void repeatsEveryRecordInOneEpoch() {
    Dataset data = numbered(3).repeat(2);

    assertEquals(6, data.size());
    assertArrayEquals(new int[] {10, 11, 12, 10, 11, 12}, labels(data));
  }

  @Test
  void splitsIntoTwoPartsThatNeverShareARecord() {
    Dataset.Parts parts = numbered(10).split(0.7);

    assertArrayEquals(new int[] {10, 11, 12, 13, 14, 15, 16}, labels(parts.first()));
    assertArrayEquals(new int[] {17, 18, 19}, labels(parts.rest()));
  }

  @Test
  void splitsAtRandomButTheSameWayEveryEpochWithASeed() {
    Dataset.Parts parts = numbered(20).split(0.5, 3);
    int[] first = parts.first().order(1, 0);
    int[] rest = parts.rest().order(1, 0);

    assertArrayEquals(first, parts.first().order(2, 5));
    assertFalse(Arrays.equals(IntStream.range(0, 10).toArray(), first));
    int[] both = IntStream.concat(IntStream.of(first), IntStream.of(rest)).sorted().toArray();
    assertArrayEquals(IntStream.range(0, 20).toArray(), both);
  }

  @Test
  void refusesToSplitAfterAShuffle() {
    DataException e = assertThrows(DataException.class, () -> numbered(10).shuffle(10).split(0.5));

    assertTrue(e.getMessage().startsWith("split after shuffle"), e.getMessage());
  }

  @Test
  void dropsTheLastPartialBatchWhenAsked() {
    Dataset data = numbered(10).dropLast(4);

    List<Integer> sizes = new ArrayList<>();
    data.batches(4, 0, 0).forEachRemaining(b -> sizes.add(b.size()));

    assertEquals(8, data.size());
    assertEquals(List.of(4, 4), sizes);
  }

  @Test
  void oneHotEncodesAnIntField() {
    Dataset data = Records.of(List.of(Field.ints("label")), new double[][] {{2}, {0}}).oneHot("label", 3);

    assertEquals(Field.floats("label", 3), data.field("label"));
    assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, data.batches(2, 0, 0).next().floats("label"));
  }

  @Test
  void oneHotRefusesValuesOutsideTheDepthAndFloatFields() {
    Dataset labels = Records.of(List.of(Field.ints("label"), Field.floats("x")), new double[][] {{3, 0}});

    DataException outside = assertThrows(DataException.class, () -> labels.oneHot("label", 3));
    assertEquals("one_hot(label, 3): found the value 3, outside 0..2; give one_hot the number of classes",
        outside.getMessage());
    DataException floats = assertThrows(DataException.class, () -> labels.oneHot("x", 3));
    assertTrue(floats.getMessage().contains("is not an int field"), floats.getMessage());
  }

  @Test
  void computesFieldsBatchByBatchAfterARandomStep() {
    Dataset noisy = Noise.uniform(0, 1, 2).take(4).map("twice", r -> r.get("value").mul(2));
    Batch batch = noisy.batches(4, 9, 0).next();

    assertEquals(List.of(Field.floats("value", 2), Field.floats("twice", 2)), noisy.fields());
    float[] value = batch.floats("value");
    float[] twice = batch.floats("twice");
    for (int i = 0; i < value.length; i++) {
      assertEquals(2 * value[i], twice[i], 1e-6);
    }
  }
}
