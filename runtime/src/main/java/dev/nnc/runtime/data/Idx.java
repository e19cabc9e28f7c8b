package dev.nnc.runtime.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads MNIST-style IDX files: an image file of unsigned bytes (rows × cols per image) and a label
 * file of unsigned bytes, each raw or gzip-compressed (told apart by the gzip magic bytes).
 */
public final class Idx {
  private static final int IMAGE_MAGIC = 0x0000_0803;
  private static final int LABEL_MAGIC = 0x0000_0801;
  private static final int IMAGE_HEADER_BYTES = 16;
  private static final int LABEL_HEADER_BYTES = 8;
  /** The longest Java array a JVM reliably allocates. */
  private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private Idx() {}

  /**
   * The images as {@code image: float[rows, cols, 1]} (values 0..255) and the labels as
   * {@code label: int}, record by record.
   */
  public static Dataset load(Path images, Path labels) {
    // The headers first: the sizes they claim are checked before anything that size is read or allocated.
    int count = imageHeader(images).getInt(4);
    ByteBuffer labelHeader = ByteBuffer.wrap(DataFiles.read(labels, LABEL_HEADER_BYTES));
    requireMagic(labels, labelHeader, LABEL_MAGIC, "an IDX label file");
    requireBytes(labels, labelHeader.limit(), LABEL_HEADER_BYTES, "a label file header");
    int labelCount = labelHeader.getInt(4);
    if (count != labelCount) {
      throw new DataException(String.format(Locale.ROOT,
          "%s holds %,d images but %s holds %,d labels; they must hold one label per image",
          images, count, labels, labelCount));
    }
    Table pictures = imageTable(images);
    ByteBuffer labelBytes = ByteBuffer.wrap(DataFiles.readExactly(labels, LABEL_HEADER_BYTES + count));
    requireBytes(labels, labelBytes.limit(), LABEL_HEADER_BYTES + (long) count,
        String.format(Locale.ROOT, "%,d labels", count));

    int[] labelValues = new int[count];
    byte[] labelArray = labelBytes.array();
    for (int i = 0; i < count; i++) {
      labelValues[i] = labelArray[LABEL_HEADER_BYTES + i] & 0xFF;
    }
    return new Dataset(pictures.with(Field.ints("label"), new Values.Ints(labelValues)));
  }

  /** True when {@code file} (raw or gzip-compressed) starts as an IDX image file does. */
  public static boolean isImageFile(Path file) {
    byte[] magic = DataFiles.read(file, 4);
    return magic.length == 4 && ByteBuffer.wrap(magic).getInt() == IMAGE_MAGIC;
  }

  /** The images of an IDX image file alone, as {@code image: float[rows, cols, 1]} (values 0..255). */
  public static Dataset loadImages(Path images) {
    return new Dataset(imageTable(images));
  }

  private static Table imageTable(Path images) {
    ByteBuffer header = imageHeader(images);
    int count = header.getInt(4);
    int rows = header.getInt(8);
    int cols = header.getInt(12);
    long pixels = (long) count * rows * cols;
    requireLoadable(images, count, rows, cols, pixels);
    // Decodes straight into the floats, reading at most what the header claims: no copy of the raw
    // bytes is ever held, and a file longer than its header says costs no memory.
    float[] pixelValues = new float[(int) pixels];
    long pixelsRead = DataFiles.readUnsigned(images, IMAGE_HEADER_BYTES, pixelValues);
    requireBytes(images, IMAGE_HEADER_BYTES + pixelsRead, IMAGE_HEADER_BYTES + pixels,
        String.format(Locale.ROOT, "%,d images of %dx%d", count, rows, cols));
    return Table.empty(count).with(Field.floats("image", rows, cols, 1), new Values.Floats(pixelValues));
  }

  /** The header of an IDX image file, checked: its magic, and sizes that can be images. */
  private static ByteBuffer imageHeader(Path images) {
    ByteBuffer header = ByteBuffer.wrap(DataFiles.read(images, IMAGE_HEADER_BYTES));
    requireMagic(images, header, IMAGE_MAGIC, "an IDX image file");
    requireBytes(images, header.limit(), IMAGE_HEADER_BYTES, "an image file header");
    requireSizes(images, header.getInt(4), header.getInt(8), header.getInt(12));
    return header;
  }

  /**
   * {@code [rows, cols]} of an IDX image file, from its header alone: the compiler reads it to check
   * a model's input against the data without loading the images.
   */
  public static int[] imageDimensions(Path images) {
    ByteBuffer header = imageHeader(images);
    return new int[] {header.getInt(8), header.getInt(12)};
  }

  /** A damaged header can claim negative sizes (the fields are signed) or images of no pixels. */
  private static void requireSizes(Path file, int count, int rows, int cols) {
    if (count < 0 || rows <= 0 || cols <= 0) {
      throw new DataException(String.format(Locale.ROOT,
          "%s: a damaged IDX header: it claims %,d images of %,dx%,d", file, count, rows, cols));
    }
  }

  /**
   * Refuses, before reading or allocating, images that could not be held: more pixels than one Java
   * array takes, or, as floats (four bytes a pixel), more than this JVM's heap.
   */
  private static void requireLoadable(Path file, int count, int rows, int cols, long pixels) {
    long heap = Runtime.getRuntime().maxMemory();
    if (IMAGE_HEADER_BYTES + pixels > MAX_ARRAY || 4 * pixels > heap) {
      throw new DataException(String.format(Locale.ROOT,
          "%s: its header claims %,d images of %dx%d, which need %,d MiB in memory; nnc loads at most "
              + "2 GiB of pixels from one IDX file, within this JVM's heap of %,d MiB (raise it with -Xmx)",
          file, count, rows, cols, 4 * pixels >> 20, heap >> 20));
    }
  }

  private static void requireMagic(Path file, ByteBuffer bytes, int magic, String kind) {
    if (bytes.limit() < 4) {
      throw new DataException(String.format(Locale.ROOT,
          "%s: expected %s (magic 0x%08x), found only %d bytes", file, kind, magic, bytes.limit()));
    }
    int found = bytes.getInt(0);
    if (found != magic) {
      String hint = found == IMAGE_MAGIC ? " (an IDX image file)"
          : found == LABEL_MAGIC ? " (an IDX label file)" : "";
      throw new DataException(String.format(Locale.ROOT,
          "%s: expected %s (magic 0x%08x), found 0x%08x%s", file, kind, magic, found, hint));
    }
  }

  private static void requireBytes(Path file, long found, long needed, String what) {
    if (found < needed) {
      throw new DataException(String.format(Locale.ROOT,
          "%s: truncated: %s need %,d bytes, found %,d", file, what, needed, found));
    }
  }
}
