package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
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

  @Test
  void aCsvReadAsItGoesStillNamesADamagedGzipFile() throws IOException {
    byte[] whole = gzip("x,y\n1,2\n3,4\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
    Path csv = write("cut.csv.gz", Arrays.copyOf(whole, whole.length / 2));
    DataException e = assertThrows(DataException.class,
        () -> Csv.load(csv, true, CsvField.floats("x", CsvColumns.column(0))));
    assertTrue(e.getMessage().startsWith(csv + ": a damaged gzip file: "), e.getMessage());
  }

  @Test
  void aGzipFileInflatingPastItsIdxHeaderStopsThere() throws IOException {
    // One image of 28 x 28 as the header says, then 64 MiB of zeros: a 64 KiB file that inflates 1,000-fold.
    Path images = dir.resolve("bomb-images.gz");
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(images))) {
      gz.write(header(0x803, 1, 28, 28));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        gz.write(zeros);
      }
    }
    Path labels = write("labels", labelFile(1));
    DataException e = assertTimeoutPreemptively(FAST,
        () -> assertThrows(DataException.class, () -> Idx.load(images, labels)));
    assertEquals(images + ": the gzip file inflates to more than the 800 bytes its header allows; it is damaged,"
        + " or built to exhaust memory (a decompression bomb)", e.getMessage());

    Path longLabels = write("long-labels.gz", gzip(concat(labelFile(1), new byte[1000])));
    Path fine = write("images.gz", gzip(concat(header(0x803, 1, 28, 28), new byte[784])));
    e = assertThrows(DataException.class, () -> Idx.load(fine, longLabels));
    assertTrue(e.getMessage().startsWith(longLabels + ": the gzip file inflates to more than the 9 bytes"), e.getMessage());
    assertEquals(1, Idx.load(fine, write("labels.gz", gzip(labelFile(1)))).size());
  }

  @Test
  void anImageClaimingMorePixelsThanTheLimitIsRefusedFromItsHeader() throws IOException {
    // A PNG whose header claims 40,000 x 40,000 pixels (6.4 GB decoded), in 57 bytes.
    Path png = write("bomb.png", png(40_000, 40_000));
    DataException e = assertTimeoutPreemptively(FAST,
        () -> assertThrows(DataException.class, () -> Images.pixels(png, 28, 28, 1)));
    assertEquals(png + ": the image is 40,000 x 40,000 pixels (1,600,000,000), more than the limit of 100,000,000"
        + " pixels; it was not decoded (raise the limit with --max-pixels if the image is meant)", e.getMessage());
  }

  @Test
  void thePixelLimitCanBeLowered() throws IOException {
    Path png = dir.resolve("small.png");
    ImageIO.write(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    assertEquals(28 * 28, Images.pixels(png, 28, 28, 1).length);
    Images.maxPixels(399);
    try {
      DataException e = assertThrows(DataException.class, () -> Images.pixels(png, 28, 28, 1));
      assertTrue(e.getMessage().contains("20 x 20 pixels (400), more than the limit of 399 pixels"), e.getMessage());
    } finally {
      Images.maxPixels(Images.DEFAULT_MAX_PIXELS);
    }
  }

  /** A PNG's signature, an IHDR chunk claiming {@code width} x {@code height} RGB pixels, and IEND: no pixel data. */
  private static byte[] png(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
        .putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    ByteBuffer png = ByteBuffer.allocate(8 + 25 + 12)
        .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    png.putInt(13).put(ihdr.array()).putInt(crc(ihdr.array()));
    byte[] iend = "IEND".getBytes(StandardCharsets.US_ASCII);
    png.putInt(0).put(iend).putInt(crc(iend));
    return png.array();
  }

  private static int crc(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
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
