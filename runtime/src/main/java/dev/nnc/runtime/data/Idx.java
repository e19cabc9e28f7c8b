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

  private Idx() {}

  /**
   * The images as {@code image: float[rows, cols, 1]} (values 0..255) and the labels as
   * {@code label: int}, record by record.
   */
  public static Dataset load(Path images, Path labels) {
    ByteBuffer imageBytes = ByteBuffer.wrap(DataFiles.read(images, DataFiles.WHOLE_FILE));
    ByteBuffer labelBytes = ByteBuffer.wrap(DataFiles.read(labels, DataFiles.WHOLE_FILE));
    requireMagic(images, imageBytes, IMAGE_MAGIC, "an IDX image file");
    requireMagic(labels, labelBytes, LABEL_MAGIC, "an IDX label file");
    requireBytes(images, imageBytes, IMAGE_HEADER_BYTES, "an image file header");
    requireBytes(labels, labelBytes, LABEL_HEADER_BYTES, "a label file header");

    int count = imageBytes.getInt(4);
    int rows = imageBytes.getInt(8);
    int cols = imageBytes.getInt(12);
    int labelCount = labelBytes.getInt(4);
    if (count != labelCount) {
      throw new DataException(String.format(Locale.ROOT,
          "%s holds %,d images but %s holds %,d labels; they must hold one label per image",
          images, count, labels, labelCount));
    }
    long pixels = (long) count * rows * cols;
    requireBytes(images, imageBytes, IMAGE_HEADER_BYTES + pixels,
        String.format(Locale.ROOT, "%,d images of %dx%d", count, rows, cols));
    requireBytes(labels, labelBytes, LABEL_HEADER_BYTES + (long) count,
        String.format(Locale.ROOT, "%,d labels", count));

    float[] pixelValues = new float[(int) pixels];
    byte[] imageArray = imageBytes.array();
    for (int i = 0; i < pixelValues.length; i++) {
      pixelValues[i] = imageArray[IMAGE_HEADER_BYTES + i] & 0xFF;
    }
    int[] labelValues = new int[count];
    byte[] labelArray = labelBytes.array();
    for (int i = 0; i < count; i++) {
      labelValues[i] = labelArray[LABEL_HEADER_BYTES + i] & 0xFF;
    }
    return new Dataset(Table.empty(count)
        .with(Field.floats("image", rows, cols, 1), new Values.Floats(pixelValues))
        .with(Field.ints("label"), new Values.Ints(labelValues)));
  }

  /**
   * {@code [rows, cols]} of an IDX image file, from its header alone: the compiler reads it to check
   * a model's input against the data without loading the images.
   */
  public static int[] imageDimensions(Path images) {
    ByteBuffer header = ByteBuffer.wrap(DataFiles.read(images, IMAGE_HEADER_BYTES));
    requireMagic(images, header, IMAGE_MAGIC, "an IDX image file");
    requireBytes(images, header, IMAGE_HEADER_BYTES, "an image file header");
    return new int[] {header.getInt(8), header.getInt(12)};
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

  private static void requireBytes(Path file, ByteBuffer bytes, long needed, String what) {
    if (bytes.limit() < needed) {
      throw new DataException(String.format(Locale.ROOT,
          "%s: truncated: %s need %,d bytes, found %,d", file, what, needed, bytes.limit()));
    }
  }
}
