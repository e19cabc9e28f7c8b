package dev.nnc.runtime.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads CIFAR-10 binary batches ({@code data_batch_1.bin} ...): records of one label byte and
 * 3,072 pixel bytes, the red, green and blue planes of a 32×32 image one after another. The images
 * become {@code image: float[32, 32, 3]} (channels last, values 0..255) and {@code label: int}.
 */
public final class Cifar {
  public static final int SIDE = 32;
  public static final int CHANNELS = 3;
  private static final int PLANE = SIDE * SIDE;
  private static final int RECORD_BYTES = 1 + PLANE * CHANNELS;
  private static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat",
      "deer", "dog", "frog", "horse", "ship", "truck");

  private Cifar() {}

  /** The records of all {@code files}, file after file. */
  public static Dataset load(Path... files) {
    if (files.length == 0) {
      throw new IllegalArgumentException("cifar needs at least one file");
    }
    byte[][] contents = new byte[files.length][];
    int records = 0;
    for (int f = 0; f < files.length; f++) {
      contents[f] = DataFiles.read(files[f], DataFiles.WHOLE_FILE);
      records = Math.addExact(records, wholeRecords(files[f], contents[f]));
    }
    float[] pixels = new float[records * PLANE * CHANNELS];
    int[] labels = new int[records];
    int record = 0;
    for (int f = 0; f < files.length; f++) {
      for (int offset = 0; offset < contents[f].length; offset += RECORD_BYTES, record++) {
        labels[record] = label(files[f], contents[f], offset);
        toChannelsLast(contents[f], offset + 1, pixels, record * PLANE * CHANNELS);
      }
    }
    Table table = Table.empty(records)
        .with(Field.floats("image", SIDE, SIDE, CHANNELS), new Values.Floats(pixels))
        .with(Field.ints("label"), new Values.Ints(labels))
        .withVocabulary("label", CLASSES);
    return new Dataset(table);
  }

  private static int wholeRecords(Path file, byte[] bytes) {
    if (bytes.length == 0) {
      throw new DataException(file + ": empty; expected CIFAR-10 records of "
          + String.format(Locale.ROOT, "%,d", RECORD_BYTES) + " bytes (1 label + 32×32×3 pixels)");
    }
    int remainder = bytes.length % RECORD_BYTES;
    if (remainder != 0) {
      int whole = bytes.length / RECORD_BYTES;
      throw new DataException(String.format(Locale.ROOT,
          "%s: truncated: CIFAR-10 records are %,d bytes (1 label + 32×32×3 pixels), but the last"
              + " record, at offset %,d, has only %,d; the file holds %,d bytes",
          file, RECORD_BYTES, (long) whole * RECORD_BYTES, remainder, bytes.length));
    }
    return bytes.length / RECORD_BYTES;
  }

  private static int label(Path file, byte[] bytes, int offset) {
    int label = bytes[offset] & 0xFF;
    if (label >= CLASSES.size()) {
      throw new DataException(String.format(Locale.ROOT,
          "%s: offset %,d: expected a CIFAR-10 label 0..9, found %d (CIFAR-100 files have two label"
              + " bytes per record and are not read by cifar)", file, offset, label));
    }
    return label;
  }

  /** One image from planes (all red, all green, all blue) to pixels (red, green, blue each). */
  private static void toChannelsLast(byte[] bytes, int from, float[] out, int to) {
    for (int p = 0; p < PLANE; p++) {
      for (int c = 0; c < CHANNELS; c++) {
        out[to + p * CHANNELS + c] = bytes[from + c * PLANE + p] & 0xFF;
      }
    }
  }
}
