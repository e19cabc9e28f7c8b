package dev.nnc.lsp;

import java.util.Map;

/**
 * What hover says about a data source or transform (LANGUAGE.md §6): its call as written, and what
 * it gives. Built-in layers carry their documentation in the standard library; these are part of the
 * language's data blocks, so their words live here, next to the only place that shows them.
 */
final class DataFunctions {
  private DataFunctions() {}

  record Doc(String call, String text) {}

  private static final Map<String, Doc> DOCS = Map.ofEntries(
      source("idx", "idx(images, labels)",
          "MNIST's IDX files, gzip or raw: records `image: float[rows, cols, 1]` (0..255) and `label: int`"),
      source("csv", "csv(path, header: false, field: type = column(i) ...)", "typed columns of a CSV file, as declared"),
      source("cifar", "cifar(files...)", "CIFAR-10 binary batches: `image: float[32, 32, 3]` and `label: int`"),
      source("cifar100", "cifar100(files..., labels: fine)",
          "CIFAR-100 binary batches: `image: float[32, 32, 3]` and `label: int`, 100 fine or 20 coarse classes"),
      source("images", "images(dir, size: [h, w], channels: 3)",
          "PNG and JPEG images, one sub-folder per class: `image` and `label: int`"),
      source("text", "text(path, seq: 100)",
          "the characters of a file in windows of `seq`: `chars: int[seq]` and `next: int[seq]`, with its vocabulary"),
      source("normal", "normal(shape, mean: 0, std: 1)", "an endless stream of normally distributed tensors, field `value`"),
      source("uniform", "uniform(shape, lo: 0, hi: 1)", "an endless stream of uniformly distributed tensors, field `value`"),
      transform("map", "map(field: expr, ...)", "computes new fields or replaces fields of each record"),
      transform("shuffle", "shuffle(buffer)", "shuffles the records anew every epoch, through a buffer of this many"),
      transform("take", "take(n)", "the first `n` records"),
      transform("skip", "skip(n)", "the records after the first `n`"),
      transform("repeat", "repeat(times)", "the records `times` over in one epoch"),
      transform("split", "split(fraction, seed: none)",
          "two parts, `.first` with that fraction of the records and `.rest` with the others, the same every epoch"),
      transform("one_hot", "one_hot(field, depth)", "replaces an `int` field with a `float[depth]` one-hot vector"),
      transform("augment", "augment(field, flip: none, rotate: 0, shift: 0, zoom: 0)",
          "random flips, rotations (degrees), shifts and zooms of an image field, new for each record and epoch"),
      transform("standardize", "standardize(field, like: split)",
          "(x - mean) / (std + 1e-6) per element of the field's last axis, from these records' statistics or `like`'s"));

  private static Map.Entry<String, Doc> source(String name, String call, String text) {
    return Map.entry(name, new Doc(call, "data source: " + text));
  }

  private static Map.Entry<String, Doc> transform(String name, String call, String text) {
    return Map.entry(name, new Doc("| " + call, "data transform: " + text));
  }

  /** The doc of a data source or transform, or null for any other name. */
  static Doc of(String name) {
    return DOCS.get(name);
  }
}
