package dev.nnc.stdlib.data;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import java.util.List;
import java.util.Optional;

/**
 * The data sources and transforms of LANGUAGE.md §6, each defined once: the checker binds their
 * calls with these signatures, the emitter writes them with their defaults, and completion, hover
 * and the README's table list them from here.
 */
public final class DataBuiltins {
  public static final DataBuiltin IDX = DataBuiltin.source("idx",
      "Images and labels in IDX files (MNIST, Fashion-MNIST): image: float[rows, cols, 1], label: int.",
      Signature.of(0, required("images", ParamType.STRING), required("labels", ParamType.STRING)),
      "idx(\"train-images-idx3-ubyte\", \"train-labels-idx1-ubyte\")");
  public static final DataBuiltin CSV = DataBuiltin.source("csv",
      "Rows of a CSV file; each named argument makes a field of columns, as x: columns(0..4).",
      Signature.of(0, required("path", ParamType.STRING), named("header", ParamType.BOOL, false)),
      "csv(\"iris.csv\", header: true, x: columns(0..4), y: int(column(4)))");
  public static final DataBuiltin CIFAR = DataBuiltin.source("cifar",
      "CIFAR-10's binary files: image: float[32, 32, 3], label: int of 10 classes.",
      Signature.of(0), "cifar(\"cifar-10/data_batch_1.bin\", \"cifar-10/data_batch_2.bin\")");
  /** {@code cifar100(files..., labels: fine)}: the setting after the files. */
  public static final DataBuiltin CIFAR100 = DataBuiltin.source("cifar100",
      "CIFAR-100's binary files: image: float[32, 32, 3], label: int of the 100 fine or 20 coarse classes.",
      Signature.of(0, named("labels", ParamType.oneOf("fine", "coarse"), "fine")),
      "cifar100(\"cifar-100/train.bin\", labels: fine)");
  public static final DataBuiltin IMAGES = DataBuiltin.source("images",
      "Image files in one folder per class: image: float[h, w, channels], label: int (the folder).",
      Signature.of(0, required("dir", ParamType.STRING), new Param("size", ParamType.INT_OR_PAIR, null, false),
          named("channels", ParamType.SIZE, 3L)),
      "images(\"flowers/train\", size: [64, 64])");
  public static final DataBuiltin TEXT = DataBuiltin.source("text",
      "A text file as windows of characters: chars: int[seq] and next: int[seq], the following characters.",
      Signature.of(0, required("path", ParamType.STRING), named("seq", ParamType.SIZE, 100L)),
      "text(\"shakespeare.txt\", seq: 100)");
  public static final DataBuiltin WORDS = DataBuiltin.source("words",
      "A text file as windows of words, each line ended by <end>: tokens: int[seq] and next: int[seq], the following words.",
      Signature.of(0, required("path", ParamType.STRING), named("seq", ParamType.SIZE, 32L),
          named("vocab", ParamType.SIZE, 20000L), named("min_count", ParamType.SIZE, 1L),
          named("lower", ParamType.BOOL, true)),
      "words(\"brown.txt\", seq: 32, vocab: 20000)");
  public static final DataBuiltin SKIPGRAMS = DataBuiltin.source("skipgrams",
      "word2vec's skip-gram pairs with negative sampling: word: int[1], context: int[1], is_context: float, drawn anew every epoch.",
      Signature.of(0, required("path", ParamType.STRING), named("window", ParamType.SIZE, 5L),
          named("negatives", ParamType.NON_NEGATIVE_INT, 5L), named("vocab", ParamType.SIZE, 20000L),
          named("min_count", ParamType.SIZE, 5L), named("subsample", ParamType.NON_NEGATIVE_FLOAT, 1e-3),
          named("lower", ParamType.BOOL, true)),
      "skipgrams(\"brown.txt\", window: 5, negatives: 5)");
  public static final DataBuiltin LABELLED_TEXT = DataBuiltin.source("labelled_text",
      "One record a line, a label, the separator and a text: tokens: int[seq] (padded or cut), label: int (labels sorted).",
      Signature.of(0, required("path", ParamType.STRING), named("seq", ParamType.SIZE, 64L),
          named("tokens", ParamType.oneOf("words", "chars"), "words"), named("separator", ParamType.STRING, "\t"),
          named("vocab", ParamType.SIZE, 20000L), named("min_count", ParamType.SIZE, 1L),
          named("lower", ParamType.BOOL, true)),
      "labelled_text(\"genres.tsv\", seq: 64)");
  public static final DataBuiltin PAIRS = DataBuiltin.source("pairs",
      "One pair of sequences a line, source, separator, target: source: int[source_seq], target_in (<start> + target) and target (target + <end>): int[target_seq].",
      Signature.of(0, required("path", ParamType.STRING), named("tokens", ParamType.oneOf("words", "chars"), "words"),
          named("source_seq", ParamType.SIZE, 24L), named("target_seq", ParamType.SIZE, 24L),
          named("separator", ParamType.STRING, "\t"), named("vocab", ParamType.SIZE, 20000L),
          named("min_count", ParamType.SIZE, 1L), named("lower", ParamType.BOOL, true),
          named("truncate", ParamType.BOOL, false)),
      "pairs(\"addition.tsv\", tokens: chars, source_seq: 7, target_seq: 5)");
  public static final DataBuiltin NORMAL = DataBuiltin.endlessSource("normal",
      "Endless records of normal noise, value: float[shape]; | take(n) sets an epoch's length.",
      Signature.of(0, required("shape", ParamType.INT_LIST), named("mean", ParamType.FLOAT, 0.0),
          named("std", ParamType.POSITIVE_FLOAT, 1.0)),
      "normal([100]) | take(10000)");
  public static final DataBuiltin UNIFORM = DataBuiltin.endlessSource("uniform",
      "Endless records of uniform noise in [lo, hi), value: float[shape]; | take(n) sets an epoch's length.",
      Signature.of(0, required("shape", ParamType.INT_LIST), named("lo", ParamType.FLOAT, 0.0),
          named("hi", ParamType.FLOAT, 1.0)),
      "uniform([2], lo: -1, hi: 1) | take(1000)");

  public static final DataBuiltin MAP = DataBuiltin.transform("map",
      "Computes float fields from the record's fields, each named argument one field.",
      Signature.of(0), "map(image: image / 255)");
  public static final DataBuiltin SHUFFLE = DataBuiltin.transform("shuffle",
      "Reorders the records every epoch through a buffer of this many.",
      Signature.of(0, required("buffer", ParamType.SIZE)), "shuffle(1000)");
  public static final DataBuiltin TAKE = DataBuiltin.transform("take",
      "The first n records.", Signature.of(0, required("n", ParamType.SIZE)), "take(1000)");
  public static final DataBuiltin SKIP = DataBuiltin.transform("skip",
      "Every record after the first n.", Signature.of(0, required("n", ParamType.SIZE)), "skip(1000)");
  public static final DataBuiltin REPEAT = DataBuiltin.transform("repeat",
      "The records this many times over in one epoch.",
      Signature.of(0, required("times", ParamType.SIZE)), "repeat(2)");
  public static final DataBuiltin SPLIT = DataBuiltin.transform("split",
      "The first fraction of the records as .first and the rest as .rest, the same every epoch; seed: n splits at random.",
      Signature.of(0, required("fraction", ParamType.RATE)),
      "split(0.9)");
  public static final DataBuiltin ONE_HOT = DataBuiltin.fieldTransform("one_hot",
      "An int field of class indices as float one-hot vectors of depth classes.",
      Signature.of(0, required("depth", ParamType.SIZE)), "one_hot(label, 10)");
  public static final DataBuiltin AUGMENT = DataBuiltin.fieldTransform("augment",
      "Random flips, rotations (degrees), shifts and zooms (fractions) of an image field, new every epoch.",
      Signature.of(0,
          named("flip", ParamType.oneOf("none", "horizontal", "vertical", "horizontal_and_vertical"), "none"),
          named("rotate", ParamType.FLOAT, 0.0), named("shift", ParamType.RATE, 0.0),
          named("zoom", ParamType.RATE, 0.0)),
      "augment(image, flip: horizontal, rotate: 15)");
  public static final DataBuiltin STANDARDIZE = DataBuiltin.fieldTransform("standardize",
      "(x - mean) / std per feature of a field, from these records' statistics or those of like: data.",
      Signature.of(0), "standardize(image)");

  public static final List<DataBuiltin> SOURCES = List.of(IDX, CSV, CIFAR, CIFAR100, IMAGES, TEXT, WORDS, SKIPGRAMS, LABELLED_TEXT, PAIRS,
      NORMAL, UNIFORM);
  public static final List<DataBuiltin> TRANSFORMS =
      List.of(MAP, SHUFFLE, TAKE, SKIP, REPEAT, SPLIT, ONE_HOT, AUGMENT, STANDARDIZE);

  private DataBuiltins() {}

  public static Optional<DataBuiltin> source(String name) {
    return SOURCES.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public static Optional<DataBuiltin> transform(String name) {
    return TRANSFORMS.stream().filter(t -> t.name().equals(name)).findFirst();
  }
}
