package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated, corrupted and oversized data files fail fast, with an error naming the file and what
 * is wrong, and without allocating what a damaged header claims (each case is timed, and an
 * {@link OutOfMemoryError} would fail it as any other error).
 */
class DataFaultsTest {
  private static final Duration FAST = Duration.ofSeconds(10);

  @TempDir Path dir;

  @Test
  void anIdxHeaderClaimingGigabytesIsRefusedBeforeAnythingIsAllocated() throws IOException {
    // 60,000 images of 65,536 x 65,536: 257 TB of pixels, in a file of 16 bytes.
    Path images = write("huge-images", header(0x803, 60_000, 65_536, 65_536));
    Path labels = write("labels", labelFile(60_000));
    DataException e = assertTimeoutPreemptively(FAST,
        () -> assertThrows(DataException.class, () -> Idx.load(images, labels)));
    assertTrue(e.getMessage().startsWith(images + ": its header claims 60,000 images of 65536x65536"), e.getMessage());
    assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
  }

  @Test
  void anIdxHeaderClaimingMoreThanTheFileHoldsIsATruncatedFile() throws IOException {
    Path images = write("short-images", concat(header(0x803, 1_000, 28, 28), new byte[100]));
    Path labels = write("labels", labelFile(1_000));
    DataException e = assertThrows(DataException.class, () -> Idx.load(images, labels));
    assertEquals(images + ": truncated: 1,000 images of 28x28 need 784,016 bytes, found 116", e.getMessage());
  }

  @Test
  void negativeSizesInAnIdxHeaderAreADamagedHeader() throws IOException {
    Path images = write("negative", concat(header(0x803, 1, -28, 28), new byte[64]));
    Path labels = write("labels", labelFile(1));
    DataException e = assertThrows(DataException.class, () -> Idx.load(images, labels));
    assertEquals(images + ": a damaged IDX header: it claims 1 images of -28x28", e.getMessage());
    // The compiler reads only the header, to check a model against the image size.
    assertThrows(DataException.class, () -> Idx.imageDimensions(images));
  }

  @Test
  void aTruncatedGzipFileIsNamedAsDamaged() throws IOException {
    byte[] whole = gzip(concat(header(0x803, 100, 28, 28), new byte[100 * 28 * 28]));
    Path images = write("images.gz", Arrays.copyOf(whole, whole.length / 2));
    Path labels = write("labels", labelFile(100));
    DataException e = assertTimeoutPreemptively(FAST,
        () -> assertThrows(DataException.class, () -> Idx.load(images, labels)));
    assertTrue(e.getMessage().startsWith(images + ": a damaged gzip file"), e.getMessage());
  }

  @Test
  void aCorruptedGzipFileIsNamedAsDamaged() throws IOException {
    byte[] bytes = gzip(concat(header(0x803, 100, 28, 28), new byte[100 * 28 * 28]));
    for (int i = 20; i < bytes.length - 20; i += 7) {
      bytes[i] ^= 0x5a;
    }
    Path images = write("corrupt.gz", bytes);
    Path labels = write("labels", labelFile(100));
    DataException e = assertThrows(DataException.class, () -> Idx.load(images, labels));
    assertTrue(e.getMessage().startsWith(images + ": "), e.getMessage());
  }

  @Test
  void aCsvWithAMillionColumnsLoadsTheColumnsAskedFor() throws IOException {
    Path csv = dir.resolve("wide.csv");
    try (Writer out = Files.newBufferedWriter(csv)) {
      for (int row = 0; row < 3; row++) {
        for (int column = 0; column < 1_000_000; column++) {
          out.write(column == 0 ? Integer.toString(row) : ",7");
        }
        out.write('\n');
      }
    }
    Dataset data = assertTimeoutPreemptively(FAST,
        () -> Csv.load(csv, false, CsvField.floats("x", CsvColumns.range(0, 4))));
    assertEquals(3, data.size());
    DataException e = assertTimeoutPreemptively(FAST, () -> assertThrows(DataException.class,
        () -> Csv.load(csv, false, CsvField.floats("x", CsvColumns.column(1_000_000)))));
    assertEquals(csv + ":1: expected at least 1000001 columns (field x reads column 1000000), found 1000000",
        e.getMessage());
  }

  private static byte[] header(int magic, int count, int rows, int cols) {
    return ByteBuffer.allocate(16).putInt(magic).putInt(count).putInt(rows).putInt(cols).array();
  }

  private static byte[] labelFile(int count) {
    return concat(ByteBuffer.allocate(8).putInt(0x801).putInt(count).array(), new byte[count]);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }
}
