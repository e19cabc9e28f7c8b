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
        + " label bytes per record and are not read by cifar)",
        assertThrows(DataException.class, () -> Cifar.load(file)).getMessage());

    Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
    assertEquals(empty + ": empty; expected CIFAR-10 records of 3,073 bytes (1 label + 32×32×3 pixels)",
        assertThrows(DataException.class, () -> Cifar.load(empty)).getMessage());
  }
}
