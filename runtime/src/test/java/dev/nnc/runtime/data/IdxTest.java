package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
  private static final byte[] PIXELS = {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, (byte) 250,
      (byte) 251, (byte) 252, (byte) 253, (byte) 254, (byte) 255};
  private static final byte[] LABELS = {7, 0, 9};

  @TempDir Path dir;

  @Test
  void loadsRawFiles() throws IOException {
    Dataset data = Idx.load(write("images", images(3, 2, 3, PIXELS), false),
        write("labels", labels(3, LABELS), false));

    assertLoaded(data);
  }

  @Test
  void loadsGzipFiles() throws IOException {
    Dataset data = Idx.load(write("images.gz", images(3, 2, 3, PIXELS), true),
        write("labels.gz", labels(3, LABELS), true));

    assertLoaded(data);
  }

  private static void assertLoaded(Dataset data) {
    assertEquals(List.of(Field.floats("image", 2, 3, 1), Field.ints("label")), data.fields());
    assertEquals(3, data.size());
    Batch batch = data.batches(3, 0, 0).next();
    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15,
        250, 251, 252, 253, 254, 255}, batch.floats("image"));
    assertArrayEquals(new int[] {7, 0, 9}, batch.ints("label"));
  }

  @Test
  void decodesALargeGzipFileIntoItsFloatsAloneWithoutACopyOfItsBytes() throws IOException {
    int count = 3000;
    byte[] pixels = new byte[count * 28 * 28];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (i * 7);
    }
    byte[] labelValues = new byte[count];
    Path images = write("big-images.gz", images(count, 28, 28, pixels), true);
    Path labels = write("big-labels.gz", labels(count, labelValues), true);
    Idx.load(images, labels); // loads the classes, so that the measure below is of the loading alone

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    Dataset data = Idx.load(images, labels);
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;

    float[] loaded = data.batches(count, 0, 0).next().floats("image");
    for (int i = 0; i < pixels.length; i++) {
      assertEquals(pixels[i] & 0xFF, loaded[i], "pixel " + i);
    }
    // The floats take 4 bytes a pixel, and reading the two files (headers, then contents) a few
    // buffers of 64 KiB; a copy of the image file's bytes would add another byte a pixel.
    assertTrue(allocated < 4L * pixels.length + (1 << 20), allocated + " bytes allocated for " + pixels.length + " pixels");
  }

  @Test
  void reportsAFileOfTheWrongKind() throws IOException {
    Path images = write("images", labels(3, LABELS), false);
    Path labels = write("labels", labels(3, LABELS), false);

    DataException e = assertThrows(DataException.class, () -> Idx.load(images, labels));
    assertEquals(images + ": expected an IDX image file (magic 0x00000803), "
        + "found 0x00000801 (an IDX label file)", e.getMessage());
  }

  @Test
  void reportsAFileCompressedTwice() throws IOException {
    Path images = write("images.gz", gzip(gzip(images(3, 2, 3, PIXELS))), false);
    Path labels = write("labels", labels(3, LABELS), false);

    DataException e = assertThrows(DataException.class, () -> Idx.load(images, labels));
    assertEquals(images + ": expected an IDX image file (magic 0x00000803), found 0x1f8b0800",
        e.getMessage());
  }

  @Test
  void reportsATruncatedFile() throws IOException {
    Path images = write("images", images(3, 2, 3, new byte[10]), false);
    Path labels = write("labels", labels(3, LABELS), false);

    DataException e = assertThrows(DataException.class, () -> Idx.load(images, labels));
    assertEquals(images + ": truncated: 3 images of 2x3 need 34 bytes, found 26", e.getMessage());
  }

  @Test
  void reportsImagesAndLabelsOfDifferentCounts() throws IOException {
    Path images = write("images", images(3, 2, 3, PIXELS), false);
    Path labels = write("labels", labels(2, new byte[] {1, 2}), false);

    DataException e = assertThrows(DataException.class, () -> Idx.load(images, labels));
    assertEquals(images + " holds 3 images but " + labels
        + " holds 2 labels; they must hold one label per image", e.getMessage());
  }

  @Test
  void reportsAMissingFile() throws IOException {
    Path images = dir.resolve("absent");
    Path labels = write("labels", labels(3, LABELS), false);

    DataException e = assertThrows(DataException.class, () -> Idx.load(images, labels));
    assertEquals(images + ": no such file", e.getMessage());
  }

  @Test
  void reportsADamagedGzipFile() throws IOException {
    byte[] compressed = gzip(images(3, 2, 3, PIXELS));
    Path images = write("images.gz", Arrays.copyOf(compressed, compressed.length - 12), false);
    Path labels = write("labels", labels(3, LABELS), false);

    DataException e = assertThrows(DataException.class, () -> Idx.load(images, labels));
    assertEquals(images + ": a damaged gzip file: Unexpected end of ZLIB input stream",
        e.getMessage());
  }

  @Test
  void readsImageDimensionsFromTheHeaderAlone() throws IOException {
    assertArrayEquals(new int[] {2, 3},
        Idx.imageDimensions(write("images", images(3, 2, 3, PIXELS), false)));
    assertArrayEquals(new int[] {2, 3},
        Idx.imageDimensions(write("images.gz", images(3, 2, 3, PIXELS), true)));
    Path labels = write("labels", labels(3, LABELS), false);
    DataException e = assertThrows(DataException.class, () -> Idx.imageDimensions(labels));
    assertEquals(labels + ": expected an IDX image file (magic 0x00000803), "
        + "found 0x00000801 (an IDX label file)", e.getMessage());
  }

  private static byte[] images(int count, int rows, int cols, byte[] pixels) {
    return ByteBuffer.allocate(16 + pixels.length)
        .putInt(0x803).putInt(count).putInt(rows).putInt(cols).put(pixels).array();
  }

  private static byte[] labels(int count, byte[] labels) {
    return ByteBuffer.allocate(8 + labels.length).putInt(0x801).putInt(count).put(labels).array();
  }

  private Path write(String name, byte[] contents, boolean compress) throws IOException {
    return Files.write(dir.resolve(name), compress ? gzip(contents) : contents);
  }

  private static byte[] gzip(byte[] contents) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(contents);
    }
    return bytes.toByteArray();
  }
}
