package dev.nnc.runtime.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads CIFAR binary batches. A CIFAR-10 record ({@code data_batch_1.bin} ...) is one label byte and
 * 3,072 pixel bytes, the red, green and blue planes of a 32×32 image one after another; a CIFAR-100
 * record ({@code train.bin}, {@code test.bin}) has two label bytes, the coarse (20 superclasses)
 * and the fine (100 classes), before the same pixels. The images become
 * {@code image: float[32, 32, 3]} (channels last, values 0..255) and one label, {@code label: int}:
 * CIFAR-100's fine or coarse one, as asked (Keras's {@code label_mode}).
 */
public final class Cifar {
  public static final int SIDE = 32;
  public static final int CHANNELS = 3;
  private static final int PLANE = SIDE * SIDE;
  private static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat",
      "deer", "dog", "frog", "horse", "ship", "truck");
  /** The names in the order of the label values, as {@code fine_label_names.txt} of the data set lists them. */
  private static final List<String> FINE_CLASSES = List.of("apple", "aquarium_fish", "baby", "bear",
      "beaver", "bed", "bee", "beetle", "bicycle", "bottle", "bowl", "boy", "bridge", "bus", "butterfly",
      "camel", "can", "castle", "caterpillar", "cattle", "chair", "chimpanzee", "clock", "cloud",
      "cockroach", "couch", "crab", "crocodile", "cup", "dinosaur", "dolphin", "elephant", "flatfish",
      "forest", "fox", "girl", "hamster", "house", "kangaroo", "keyboard", "lamp", "lawn_mower", "leopard",
      "lion", "lizard", "lobster", "man", "maple_tree", "motorcycle", "mountain", "mouse", "mushroom",
      "oak_tree", "orange", "orchid", "otter", "palm_tree", "pear", "pickup_truck", "pine_tree", "plain",
      "plate", "poppy", "porcupine", "possum", "rabbit", "raccoon", "ray", "road", "rocket", "rose", "sea",
      "seal", "shark", "shrew", "skunk", "skyscraper", "snail", "snake", "spider", "squirrel", "streetcar",
      "sunflower", "sweet_pepper", "table", "tank", "telephone", "television", "tiger", "tractor", "train",
      "trout", "tulip", "turtle", "wardrobe", "whale", "willow_tree", "wolf", "woman", "worm");
  private static final List<String> COARSE_CLASSES = List.of("aquatic_mammals", "fish", "flowers",
      "food_containers", "fruit_and_vegetables", "household_electrical_devices", "household_furniture",
      "insects", "large_carnivores", "large_man-made_outdoor_things", "large_natural_outdoor_scenes",
      "large_omnivores_and_herbivores", "medium_mammals", "non-insect_invertebrates", "people", "reptiles",
      "small_mammals", "trees", "vehicles_1", "vehicles_2");

  /** Which of a CIFAR-100 record's two labels becomes {@code label}. */
  public enum Labels {
    FINE,
    COARSE;

    /** The number of classes: 100 fine, 20 coarse. */
    public int classes() {
      return this == FINE ? FINE_CLASSES.size() : COARSE_CLASSES.size();
    }
  }

  /** A record layout: its name in messages, its label bytes, which one is read, and the classes. */
  private record Format(String name, int labelBytes, int labelAt, String labelsDescription, List<String> classes) {
    int recordBytes() {
      return labelBytes + PLANE * CHANNELS;
    }

    String layout() {
      return labelsDescription + " + 32×32×3 pixels";
    }
  }

  private static final Format CIFAR_10 = new Format("CIFAR-10", 1, 0, "1 label", CLASSES);

  private Cifar() {}

  /** The records of all CIFAR-10 {@code files}, file after file. */
  public static Dataset load(Path... files) {
    return load(CIFAR_10, files);
  }

  /** The records of all CIFAR-100 {@code files}, file after file, with the {@code labels} label as {@code label}. */
  public static Dataset load100(Labels labels, Path... files) {
    boolean fine = labels == Labels.FINE;
    return load(new Format("CIFAR-100", 2, fine ? 1 : 0, "coarse and fine label",
        fine ? FINE_CLASSES : COARSE_CLASSES), files);
  }

  private static Dataset load(Format format, Path... files) {
    if (files.length == 0) {
      throw new IllegalArgumentException("cifar needs at least one file");
    }
    byte[][] contents = new byte[files.length][];
    int records = 0;
    for (int f = 0; f < files.length; f++) {
      contents[f] = DataFiles.read(files[f], DataFiles.WHOLE_FILE);
      records = Math.addExact(records, wholeRecords(format, files[f], contents[f]));
    }
    float[] pixels = new float[records * PLANE * CHANNELS];
    int[] labels = new int[records];
    int record = 0;
    for (int f = 0; f < files.length; f++) {
      for (int offset = 0; offset < contents[f].length; offset += format.recordBytes(), record++) {
        labels[record] = label(format, files[f], contents[f], offset);
        toChannelsLast(contents[f], offset + format.labelBytes(), pixels, record * PLANE * CHANNELS);
      }
    }
    Table table = Table.empty(records)
        .with(Field.floats("image", SIDE, SIDE, CHANNELS), new Values.Floats(pixels))
        .with(Field.ints("label"), new Values.Ints(labels))
        .withVocabulary("label", format.classes());
    return new Dataset(table);
  }

  private static int wholeRecords(Format format, Path file, byte[] bytes) {
    if (bytes.length == 0) {
      throw new DataException(file + ": empty; expected " + format.name() + " records of "
          + String.format(Locale.ROOT, "%,d", format.recordBytes()) + " bytes (" + format.layout() + ")");
    }
    int remainder = bytes.length % format.recordBytes();
    if (remainder != 0) {
      int whole = bytes.length / format.recordBytes();
      throw new DataException(String.format(Locale.ROOT,
          "%s: truncated: %s records are %,d bytes (%s), but the last record, at offset %,d, has"
              + " only %,d; the file holds %,d bytes",
          file, format.name(), format.recordBytes(), format.layout(), (long) whole * format.recordBytes(),
          remainder, bytes.length));
    }
    return bytes.length / format.recordBytes();
  }

  private static int label(Format format, Path file, byte[] bytes, int offset) {
    int label = bytes[offset + format.labelAt()] & 0xFF;
    if (label >= format.classes().size()) {
      String which = format.labelBytes() == 1 ? "" : format.labelAt() == 0 ? " coarse" : " fine";
      throw new DataException(String.format(Locale.ROOT,
          "%s: offset %,d: expected a %s%s label 0..%d, found %d%s", file, offset + format.labelAt(),
          format.name(), which, format.classes().size() - 1, label,
          format == CIFAR_10 ? " (CIFAR-100 files have two label bytes per record: read them with cifar100)" : ""));
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
