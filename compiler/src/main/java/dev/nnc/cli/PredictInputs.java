package dev.nnc.cli;

import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.infer.InputFiles;
import dev.nnc.runtime.infer.ModelInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The records {@code nnc predict} feeds a model: files for each of its inputs, named with
 * {@code --input NAME=FILE} (or given plainly for a model of one input), read and paired up record by
 * record, as Keras's {@code predict} pairs the arrays of a dict of inputs: the n-th record of every
 * input makes the n-th prediction, so every input must have as many records.
 */
final class PredictInputs {
  /** For each input, in the model's order, its records; and each row's name (its inputs' sources). */
  record Rows(Map<ModelInfo.Tensor, List<InputFiles.Record>> records, List<String> sources) {}

  /** An {@code --input} that is not NAME=FILE, or files given both ways: a usage error. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  private PredictInputs() {}

  static Rows read(ModelInfo info, List<Path> plain, List<String> named) throws UsageException {
    Map<ModelInfo.Tensor, List<Path>> files = assign(info, plain, named);
    Map<ModelInfo.Tensor, List<InputFiles.Record>> records = new LinkedHashMap<>();
    files.forEach((input, paths) -> {
      List<InputFiles.Record> read = new ArrayList<>();
      paths.forEach(path -> read.addAll(InputFiles.read(path, input)));
      records.put(input, read);
    });
    int rows = records.values().iterator().next().size();
    for (var entry : records.entrySet()) {
      if (entry.getValue().size() != rows) {
        throw new DataException("the inputs have different numbers of records: " + records.entrySet().stream()
            .map(e -> e.getKey().name() + " " + e.getValue().size() + " (" + join(files.get(e.getKey())) + ")")
            .collect(Collectors.joining(", ")) + "; the n-th record of each input makes the n-th prediction");
      }
    }
    List<String> sources = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      int row = r;
      sources.add(records.values().stream().map(list -> list.get(row).source()).collect(Collectors.joining(" + ")));
    }
    return new Rows(records, sources);
  }

  /** Which files feed which input: every input gets at least one, and no file names an input the model lacks. */
  private static Map<ModelInfo.Tensor, List<Path>> assign(ModelInfo info, List<Path> plain, List<String> named)
      throws UsageException {
    String inputs = info.inputs().stream().map(t -> t.name() + " (" + t.typeDescription() + ")").collect(Collectors.joining(", "));
    if (!plain.isEmpty() && !named.isEmpty()) {
      throw new UsageException("give the input files either plainly or each with --input NAME=FILE, not both");
    }
    Map<ModelInfo.Tensor, List<Path>> files = new LinkedHashMap<>();
    if (named.isEmpty()) {
      if (plain.isEmpty()) {
        throw new UsageException("no input files; give the files for the model's input " + inputs);
      }
      if (info.inputs().size() != 1) {
        throw new DataException("the model has " + info.inputs().size() + " inputs, " + inputs + "; name the files of each: "
            + info.inputs().stream().map(t -> "--input " + t.name() + "=FILE").collect(Collectors.joining(" ")));
      }
      files.put(info.inputs().get(0), plain);
      return files;
    }
    Map<String, ModelInfo.Tensor> byName = new LinkedHashMap<>();
    info.inputs().forEach(t -> byName.put(t.name(), t));
    Map<String, List<Path>> given = new LinkedHashMap<>();
    for (String option : named) {
      int eq = option.indexOf('=');
      if (eq <= 0 || eq == option.length() - 1) {
        throw new UsageException("--input takes NAME=FILE, such as --input " + info.inputs().get(0).name() + "=x.csv; found " + option);
      }
      String name = option.substring(0, eq);
      if (!byName.containsKey(name)) {
        throw new DataException("--input " + option + ": the model has no input " + name + "; its inputs are " + inputs);
      }
      given.computeIfAbsent(name, n -> new ArrayList<>()).add(Path.of(option.substring(eq + 1)));
    }
    for (ModelInfo.Tensor input : info.inputs()) {
      List<Path> paths = given.get(input.name());
      if (paths == null) {
        throw new DataException("no files for the model's input " + input.name() + " (" + input.typeDescription()
            + "); add --input " + input.name() + "=FILE");
      }
      files.put(input, paths);
    }
    return files;
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(", "));
  }
}
