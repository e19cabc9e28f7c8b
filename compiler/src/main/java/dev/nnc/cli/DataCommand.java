package dev.nnc.cli;

import dev.nnc.cli.DataTargets.Target;
import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.run.GeneratedProgram;
import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.data.ImageGrid;
import dev.nnc.runtime.train.JobDefaults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "data", description = "Loads data splits and shows their fields, value ranges and first records;"
    + " draws the first 64 images of each image field into a PNG.")
final class DataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .nn file.")
  Path file;

  @Parameters(index = "1", arity = "0..1", paramLabel = "DATA.SPLIT",
      description = "A data block or one of its splits, as in fashion or fashion.train (default: all).")
  String wanted;

  @Option(names = "-o", paramLabel = "PATH", description = "Where image grids go: a .png file or a folder (default: the current folder).")
  Path output;

  @Option(names = "-n", paramLabel = "N", description = "How many records to print (default: ${DEFAULT-VALUE}).")
  int records = 5;

  @Option(names = "--seed", paramLabel = "N", description = "The seed of shuffles and random transforms (default: ${DEFAULT-VALUE}, as in train jobs).")
  long seed = JobDefaults.SEED;

  @Override
  public Integer call() {
    System.setProperty("java.awt.headless", "true"); // image grids need no display
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Compilation c = options.compile(file, err);
    if (c == null || !c.succeeded()) {
      return Nnc.PROGRAM_ERRORS;
    }
    List<Target> all = DataTargets.of(c.program());
    List<Target> chosen = all.stream()
        .filter(t -> wanted == null || t.name().equals(wanted) || t.name().startsWith(wanted + "."))
        .toList();
    if (chosen.isEmpty()) {
      err.println("error: " + file + " has no data " + (wanted == null ? "block" : wanted)
          + (all.isEmpty() ? "" : "; it has " + DataTargets.names(all)));
      return Nnc.PROGRAM_ERRORS;
    }
    try {
      GeneratedProgram generated = GeneratedProgram.compile(c.program(), options.dataDirs);
      for (Target target : chosen) {
        Dataset data = target.load(generated);
        out.print(DataReport.render(target.name(), data, seed, records));
        out.flush();
        drawImages(target, data, out);
      }
      return Nnc.OK;
    } catch (DataException e) {
      err.println("error: " + e.getMessage());
      return Nnc.PROGRAM_ERRORS;
    }
  }

  /** A grid of the first images of every image field, captioned with the first int field (the label). */
  private void drawImages(Target target, Dataset data, PrintWriter out) {
    List<Field> images = data.fields().stream().filter(ImageGrid::canDraw).toList();
    if (images.isEmpty() || data.size() == 0) {
      return;
    }
    Batch batch = data.batches(Math.min(ImageGrid.MAX_IMAGES, data.size()), seed, 0).next();
    Optional<Field> label = data.fields().stream()
        .filter(f -> f.type() == ElementType.INT && f.shape().length == 0).findFirst();
    List<String> captions = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      captions.add(label.isEmpty() ? "#" + (i + 1) : caption(data, batch, label.get().name(), i));
    }
    for (Field image : images) {
      Path png = pngFor(target, image, images.size() > 1);
      ImageGrid.write(png, batch, image.name(), captions);
      out.println("wrote " + png + ": the first " + batch.size() + " images of " + image.name()
          + label.map(l -> ", labelled by " + l.name()).orElse(""));
    }
  }

  private static String caption(Dataset data, Batch batch, String label, int i) {
    int value = batch.ints(label)[i];
    List<String> words = data.vocabulary(label);
    return words.isEmpty() ? Integer.toString(value) : value + " " + words.get(value);
  }

  /**
   * {@code block.split.png} in the folder {@code -o} names or here; {@code -o} ending in {@code .png}
   * names the file. With several image fields, each grid's name holds its field's.
   */
  private Path pngFor(Target target, Field image, boolean severalImageFields) {
    String ending = severalImageFields ? "." + image.name() + ".png" : ".png";
    if (output != null && output.getFileName().toString().endsWith(".png")) {
      return output.resolveSibling(output.getFileName().toString().replaceFirst("\\.png$", ending));
    }
    return (output == null ? Path.of("") : output).resolve(target.name() + ending);
  }
}
