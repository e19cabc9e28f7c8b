package dev.nnc.cli;

import com.google.gson.GsonBuilder;
import dev.nnc.cli.DataTargets.Target;
import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.Job;
import dev.nnc.compiler.run.GeneratedProgram;
import dev.nnc.compiler.run.JobDescriptions;
import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.infer.InferenceException;
import dev.nnc.runtime.infer.ModelInfo;
import dev.nnc.runtime.report.ConfusionMatrix;
import dev.nnc.runtime.train.Device;
import dev.nnc.runtime.train.Evaluator;
import dev.nnc.runtime.train.TrainException;
import dev.nnc.runtime.train.TrainSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "eval", description = "Evaluates an exported model: the loss and metrics of a train job on a data split"
    + " (by default the job's validation data).")
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .nn file with the train job.")
  Path file;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "The exported model (a job's export: folder).")
  Path model;

  @Option(names = "--job", paramLabel = "NAME",
      description = "The train job whose loss and metrics to compute (default: the job that exported the model).")
  String job;

  @Option(names = "--data", paramLabel = "DATA.SPLIT",
      description = "The data to evaluate on, as in fashion.test (default: the job's validation data, else its training data).")
  String data;

  @Option(names = "--confusion", description = "Also print a classifier's confusion matrix.")
  boolean confusion;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  boolean json;

  @Option(names = "--device", paramLabel = "cpu|gpu|gpu:N", converter = TrainCommand.DeviceConverter.class,
      description = "Where to run the model (default: cpu).")
  Device device = Device.CPU;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Compilation c = options.compile(file, err);
    if (c == null || !c.succeeded()) {
      return Nnc.PROGRAM_ERRORS;
    }
    List<String> declarative = c.program().jobs().stream().map(j -> j.decl().name().name()).toList();
    if (job != null && !declarative.contains(job) && c.program().jobNames().contains(job)) {
      err.println("error: job " + job + " has a step block: nnc eval computes the loss and metrics of declarative"
          + " train jobs; a step job that only reports (see README, \"Custom training steps\") evaluates one");
      return Nnc.PROGRAM_ERRORS;
    }
    String chosen = JobChoice.choose(file, "declarative train", declarative, job != null ? job : exportingJob(declarative), err);
    if (chosen == null) {
      return Nnc.PROGRAM_ERRORS;
    }
    Job checked = c.program().jobs().stream().filter(j -> j.decl().name().name().equals(chosen)).findFirst().orElseThrow();
    try {
      GeneratedProgram generated = GeneratedProgram.compile(c.program(), options.dataDirs);
      TrainSpec trainSpec = (TrainSpec) generated.jobSpec(chosen);
      Optional<Target> target = data == null ? Optional.empty() : target(c, err);
      if (data != null && target.isEmpty()) {
        return Nnc.PROGRAM_ERRORS;
      }
      Dataset evaluated = target.map(t -> t.load(generated))
          .orElseGet(() -> trainSpec.validation().orElse(trainSpec.data()));
      String dataName = target.map(Target::name)
          .orElse(trainSpec.validation().isPresent() ? "its validation data" : "its training data");
      Evaluator.Evaluation result = Evaluator.run(trainSpec, evaluated, model, device,
          confusion ? JobDescriptions.classifier(checked) : Optional.empty());
      print(chosen, dataName, result);
      return Nnc.OK;
    } catch (DataException | TrainException | InferenceException e) {
      err.println("error: " + e.getMessage());
      return Nnc.PROGRAM_ERRORS;
    }
  }

  /** The job recorded in the model's export, if the file has it; null lets the file's only job be chosen. */
  private String exportingJob(List<String> declarative) {
    try {
      String exporter = ModelInfo.read(model).job();
      return declarative.contains(exporter) ? exporter : null;
    } catch (InferenceException e) {
      return null; // Not an nnc export, or none: loading the weights says so.
    }
  }

  private Optional<Target> target(Compilation c, PrintWriter err) {
    List<Target> all = DataTargets.of(c.program());
    Optional<Target> found = all.stream().filter(t -> t.name().equals(data)).findFirst();
    if (found.isEmpty()) {
      err.println("error: " + file + " has no data " + data + (all.isEmpty() ? "" : "; it has " + DataTargets.names(all)));
    }
    return found;
  }

  private void print(String jobName, String dataName, Evaluator.Evaluation result) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("job", jobName);
      figures.put("model", model.toString());
      figures.put("data", dataName);
      figures.put("records", result.records());
      figures.putAll(result.values());
      result.confusion().ifPresent(m -> figures.put("confusion", counts(m)));
      out.println(new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(figures));
      return;
    }
    out.printf(Locale.ROOT, "job %s with the weights in %s, on %s (%,d records):%n", jobName, model, dataName,
        result.records());
    int width = result.values().keySet().stream().mapToInt(String::length).max().orElse(0);
    result.values().forEach((name, value) -> out.printf(Locale.ROOT, "  %-" + width + "s  %.4f%n", name, value));
    result.confusion().ifPresent(m -> out.print(confusionTable(m)));
    out.flush();
  }

  private static long[][] counts(ConfusionMatrix matrix) {
    long[][] counts = new long[matrix.classes()][matrix.classes()];
    for (int truth = 0; truth < counts.length; truth++) {
      for (int predicted = 0; predicted < counts.length; predicted++) {
        counts[truth][predicted] = matrix.count(truth, predicted);
      }
    }
    return counts;
  }

  /** Rows are the true classes, columns the predicted ones, as in the run's report.html. */
  private static String confusionTable(ConfusionMatrix matrix) {
    long[][] counts = counts(matrix);
    int width = Math.max(String.valueOf(counts.length - 1).length(),
        String.valueOf(matrix.total()).length());
    StringBuilder table = new StringBuilder("confusion matrix (rows: true class, columns: predicted class):\n");
    table.append(" ".repeat(width + 2));
    for (int predicted = 0; predicted < counts.length; predicted++) {
      table.append(String.format(Locale.ROOT, " %" + width + "d", predicted));
    }
    table.append('\n');
    for (int truth = 0; truth < counts.length; truth++) {
      table.append(String.format(Locale.ROOT, "  %" + width + "d", truth));
      for (long count : counts[truth]) {
        table.append(String.format(Locale.ROOT, " %" + width + "d", count));
      }
      table.append('\n');
    }
    return table.toString();
  }
}
