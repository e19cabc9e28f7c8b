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

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Image, IDX or CSV files.")
  List<Path> inputs;

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
      if (info.inputs().size() != 1) {
        err.println("error: nnc predict feeds models of one input; the model in " + model + " has "
            + info.inputs().size() + " (" + String.join(", ", info.inputs().stream().map(ModelInfo.Tensor::name).toList())
            + "); use its generated Java class, or ExportedModel, to feed them");
        return Nnc.PROGRAM_ERRORS;
      }
      ModelInfo.Tensor input = info.inputs().get(0);
      List<InputFiles.Record> records = new ArrayList<>();
      for (Path file : inputs) {
        records.addAll(InputFiles.read(file, input));
      }
      List<Predictions.Prediction> predictions = new ArrayList<>();
      for (int from = 0; from < records.size(); from += BATCH) {
        List<InputFiles.Record> chunk = records.subList(from, Math.min(records.size(), from + BATCH));
        ExportedModel.Outputs outputs = exported.run(Map.of(input.name(), values(input, chunk)));
        for (int r = 0; r < chunk.size(); r++) {
          Map<String, float[]> values = new LinkedHashMap<>();
          for (ModelInfo.Tensor output : info.outputs()) {
            values.put(output.name(), floats(output, outputs, r));
          }
          predictions.add(new Predictions.Prediction(chunk.get(r).source(), values));
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      out.print(json ? Predictions.json(info, predictions, top) : Predictions.text(info, predictions, top));
      out.flush();
      return Nnc.OK;
    } catch (InferenceException | DataException e) {
      err.println("error: " + e.getMessage());
      return Nnc.PROGRAM_ERRORS;
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
