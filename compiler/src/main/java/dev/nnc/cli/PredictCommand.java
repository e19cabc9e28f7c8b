package dev.nnc.cli;

import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.infer.ExportedModel;
import dev.nnc.runtime.infer.InferenceException;
import dev.nnc.runtime.infer.InputFiles;
import dev.nnc.runtime.infer.ModelInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "predict", description = "Runs an exported model on images (PNG, JPEG), IDX image files or CSV files"
    + " (a record per row) and prints, for each record, the most probable classes of a classifier, or the values of each output.")
final class PredictCommand implements Callable<Integer> {
  /** Records sent to the model in one run. */
  private static final int BATCH = 256;

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "The exported model (a job's export: folder).")
  Path model;

  @Parameters(arity = "0..*", paramLabel = "INPUT", description = "Image, IDX or CSV files, for a model of one input.")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--input", paramLabel = "NAME=FILE",
      description = "A file for the model's input NAME; repeat it for every input of a model of several (and for more files of one).")
  List<String> named = new ArrayList<>();

  @Option(names = "--top", paramLabel = "K", description = "How many of a classifier's classes to print (default: ${DEFAULT-VALUE}).")
  int top = 3;

  @Option(names = "--json", description = "Print the predictions as a JSON array, every probability and value included.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (top <= 0) {
      err.println("error: --top must be positive, not " + top);
      return Nnc.USAGE;
    }
    try (ExportedModel exported = ExportedModel.load(model)) {
      ModelInfo info = exported.info();
      PredictInputs.Rows rows = PredictInputs.read(info, inputs, named);
      List<Predictions.Prediction> predictions = new ArrayList<>();
      for (int from = 0; from < rows.sources().size(); from += BATCH) {
        int to = Math.min(rows.sources().size(), from + BATCH);
        Map<String, Object> feed = new LinkedHashMap<>();
        for (var input : rows.records().entrySet()) {
          feed.put(input.getKey().name(), values(input.getKey(), input.getValue().subList(from, to)));
        }
        ExportedModel.Outputs outputs = exported.run(feed);
        for (int r = 0; r < to - from; r++) {
          Map<String, float[]> values = new LinkedHashMap<>();
          for (ModelInfo.Tensor output : info.outputs()) {
            values.put(output.name(), floats(output, outputs, r));
          }
          predictions.add(new Predictions.Prediction(rows.sources().get(from + r), values));
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? Predictions.json(info, predictions, top) : Predictions.text(info, predictions, top));
      out.flush();
      return Nnc.OK;
    } catch (InferenceException | DataException e) {
      err.println("error: " + e.getMessage());
      return Nnc.PROGRAM_ERRORS;
    } catch (PredictInputs.UsageException e) {
      err.println("error: " + e.getMessage());
      return Nnc.USAGE;
    }
  }

  /** The records as the input's type wants them: whole numbers for an int input (token ids, say). */
  private static Object values(ModelInfo.Tensor input, List<InputFiles.Record> records) {
    if (input.type() != ElementType.INT) {
      return records.stream().map(InputFiles.Record::values).toArray(float[][]::new);
    }
    int[][] ints = new int[records.size()][];
    for (int r = 0; r < ints.length; r++) {
      float[] values = records.get(r).values();
      ints[r] = new int[values.length];
      for (int i = 0; i < values.length; i++) {
        if (values[i] != Math.rint(values[i])) {
          throw new DataException(records.get(r).source() + ": the model's input " + input.name() + " is "
              + input.typeDescription() + ", so it takes whole numbers, not " + values[i]);
        }
        ints[r][i] = (int) values[i];
      }
    }
    return ints;
  }

  private static float[] floats(ModelInfo.Tensor output, ExportedModel.Outputs outputs, int record) {
    if (output.type() != ElementType.INT) {
      return outputs.floats(output.name())[record];
    }
    int[] ints = outputs.ints(output.name())[record];
    float[] values = new float[ints.length];
    for (int i = 0; i < ints.length; i++) {
      values[i] = ints[i];
    }
    return values;
  }
}
