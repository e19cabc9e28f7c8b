package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarTest {
  private static final int RECORD = 3073;

  @TempDir Path dir;

  /** Records whose pixel at plane c, position p is (c * 7 + p + label) mod 256. */
  private Path write(String name, int... labels) throws IOException {
    byte[] bytes = new byte[labels.length * RECORD];
    for (int r = 0; r < labels.length; r++) {
      bytes[r * RECORD] = (byte) labels[r];
      for (int i = 0; i < 3072; i++) {
        bytes[r * RECORD + 1 + i] = (byte) ((i / 1024) * 7 + i % 1024 + labels[r]);
      }
    }
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void readsRecordsOfSeveralFilesChannelsLast() throws IOException {
    Dataset data = Cifar.load(write("a.bin", 3, 9), write("b.bin", 0));

    assertEquals(List.of(Field.floats("image", 32, 32, 3), Field.ints("label")), data.fields());
    Batch batch = data.batches(3, 0, 0).next();
    assertArrayEquals(new int[] {3, 9, 0}, batch.ints("label"));
    float[] image = batch.floats("image");
    // Record 0, pixel 5: red 5 + 3, green 7 + 5 + 3, blue 14 + 5 + 3.
    assertArrayEquals(new float[] {8, 15, 22}, Arrays.copyOfRange(image, 15, 18));
    assertEquals("cat", data.vocabulary("label").get(3));
  }

  @Test
  void reportsATruncatedFileWithTheOffsetOfTheCutRecord() throws IOException {
    Path file = write("cut.bin", 1, 2);
    Files.write(file, Arrays.copyOf(Files.readAllBytes(file), RECORD + 100));

    DataException e = assertThrows(DataException.class, () -> Cifar.load(file));
    assertEquals(file + ": truncated: CIFAR-10 records are 3,073 bytes (1 label + 32×32×3 pixels), but the"
        + " last record, at offset 3,073, has only 100; the file holds 3,173 bytes", e.getMessage());
  }

  @Test
  void reportsALabelThatIsNoCifar10ClassAndAnEmptyFile() throws IOException {
    Path file = write("hundred.bin", 4, 57);
    assertEquals(file + ": offset 3,073: expected a CIFAR-10 label 0..9, found 57 (CIFAR-100 files have two"
        + " label bytes per record: read them with cifar100)",
        assertThrows(DataException.class, () -> Cifar.load(file)).getMessage());

    Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
    assertEquals(empty + ": empty; expected CIFAR-10 records of 3,073 bytes (1 label + 32×32×3 pixels)",
        assertThrows(DataException.class, () -> Cifar.load(empty)).getMessage());
  }

  /** CIFAR-100 records: coarse label, fine label, then pixel i = (i + fine) mod 256. */
  private Path write100(String name, int[][] coarseAndFine) throws IOException {
    int record = RECORD + 1;
    byte[] bytes = new byte[coarseAndFine.length * record];
    for (int r = 0; r < coarseAndFine.length; r++) {
      bytes[r * record] = (byte) coarseAndFine[r][0];
      bytes[r * record + 1] = (byte) coarseAndFine[r][1];
      for (int i = 0; i < 3072; i++) {
        bytes[r * record + 2 + i] = (byte) (i + coarseAndFine[r][1]);
      }
    }
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void readsCifar100WithTheFineOrTheCoarseLabels() throws IOException {
    Path file = write100("train.bin", new int[][] {{4, 99}, {19, 0}});

    Dataset fine = Cifar.load100(Cifar.Labels.FINE, file);
    assertEquals(List.of(Field.floats("image", 32, 32, 3), Field.ints("label")), fine.fields());
    Batch batch = fine.batches(2, 0, 0).next();
    assertArrayEquals(new int[] {99, 0}, batch.ints("label"));
    // Record 0, pixel 1: red 1 + 99, green 1024 + 1 + 99, blue 2048 + 1 + 99, each mod 256.
    assertArrayEquals(new float[] {100, 100, 100}, Arrays.copyOfRange(batch.floats("image"), 3, 6));
    assertEquals("worm", fine.vocabulary("label").get(99));
    assertEquals(100, fine.vocabulary("label").size());

    Dataset coarse = Cifar.load100(Cifar.Labels.COARSE, file);
    assertArrayEquals(new int[] {4, 19}, coarse.batches(2, 0, 0).next().ints("label"));
    assertEquals("vehicles_2", coarse.vocabulary("label").get(19));
    assertEquals(20, Cifar.Labels.COARSE.classes());
  }

  @Test
  void reportsACifar100FileOfTheWrongLengthOrLabelWithItsOffset() throws IOException {
    Path cut = write100("cut.bin", new int[][] {{1, 2}, {3, 4}});
    Files.write(cut, Arrays.copyOf(Files.readAllBytes(cut), 3074 + 3073));
    assertEquals(cut + ": truncated: CIFAR-100 records are 3,074 bytes (coarse and fine label + 32×32×3 pixels),"
        + " but the last record, at offset 3,074, has only 3,073; the file holds 6,147 bytes",
        assertThrows(DataException.class, () -> Cifar.load100(Cifar.Labels.FINE, cut)).getMessage());

    Path wrong = write100("wrong.bin", new int[][] {{1, 2}, {20, 4}});
    assertEquals(wrong + ": offset 3,074: expected a CIFAR-100 coarse label 0..19, found 20",
        assertThrows(DataException.class, () -> Cifar.load100(Cifar.Labels.COARSE, wrong)).getMessage());
    // A CIFAR-10 file read as CIFAR-100 is one byte short per record.
    Path ten = write("ten.bin", 3, 7);
    assertEquals(ten + ": truncated: CIFAR-100 records are 3,074 bytes (coarse and fine label + 32×32×3 pixels),"
        + " but the last record, at offset 3,074, has only 3,072; the file holds 6,146 bytes",
        assertThrows(DataException.class, () -> Cifar.load100(Cifar.Labels.FINE, ten)).getMessage());
  }
}
