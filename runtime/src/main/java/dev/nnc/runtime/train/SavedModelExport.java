package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.data.text.Vocabulary;
import dev.nnc.runtime.infer.ExportedModel;
import dev.nnc.runtime.infer.ModelInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.types.TInt32;

/**
 * Writes the trained model as a SavedModel whose {@code serving_default} signature maps the model's
 * inputs to its outputs. The training flag defaults to false, so serving needs no other input.
 * Beside it, in {@code assets/}, go the {@code .nn} source the job came from and the
 * {@link ModelInfo} that nnc's inference tools read, and for each input fed by a word source
 * (LANGUAGE.md §6.1) its vocabulary, {@code assets/vocabulary/INPUT.txt} in {@link Vocabulary#save}'s
 * format, so the model serves the words it was trained on. The export replaces the previous one
 * whole ({@link ExportFolder}).
 */
final class SavedModelExport {
  static final String SIGNATURE_KEY = "serving_default";

  private SavedModelExport() {}

  /**
   * Exports the model a declarative job trained, with its source, what its data says about the
   * inputs and, for a classifier, the names of the classes its output scores.
   */
  static Path export(Session session, TrainingGraph graph, TrainSpec spec, Optional<JobDescription.Classifier> classifier) {
    List<ModelInfo.Tensor> inputs = new ArrayList<>();
    Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
    for (Field input : spec.inputs()) {
      String field = spec.fieldFor(input.name());
      List<String> table = spec.data().vocabulary(field);
      if (isWordTable(table)) {
        vocabularies.put(input.name(), Vocabulary.ofTable(table));
      }
      double[] range = range(spec.data(), field);
      inputs.add(new ModelInfo.Tensor(input.name(), input.type(), recordShape(graph.inputs().get(input.name())),
          "none", range[0], range[1], spec.data().vocabulary(field)));
    }
    ModelInfo info = new ModelInfo(spec.jobName(), spec.source().map(JobSource::name).orElse(""), inputs,
        outputs(graph.outputs(), classifier.map(c -> Map.entry(c.output(), classNames(spec.data(), c)))));
    return export(session, graph.inputs(), graph.outputs(), spec.export().orElseThrow(), info, spec.source(),
        vocabularies);
  }

  /** Whether {@code table} is a word source's vocabulary, the specials first (a character table has none). */
  private static boolean isWordTable(List<String> table) {
    return table.size() >= Vocabulary.SPECIALS.size()
        && table.subList(0, Vocabulary.SPECIALS.size()).equals(Vocabulary.SPECIALS);
  }

  /**
   * Exports the model that maps {@code inputs} to {@code outputs} (by name) to {@code dir}, resolved
   * against the current directory, with the source of job {@code job}; returns where it went. What
   * nnc knows of the data it was trained on is left out: a custom step's model is fed by
   * expressions, not fields.
   */
  static Path export(Session session, Map<String, Operand<?>> inputs, Map<String, Operand<?>> outputs, String dir,
      String job, Optional<JobSource> source) {
    List<ModelInfo.Tensor> described = new ArrayList<>();
    inputs.forEach((name, input) -> described.add(new ModelInfo.Tensor(name,
        input.type() == TInt32.class ? ElementType.INT : ElementType.FLOAT, recordShape(input), "none",
        Double.NaN, Double.NaN, List.of())));
    ModelInfo info = new ModelInfo(job, source.map(JobSource::name).orElse(""), described, outputs(outputs, Optional.empty()));
    return export(session, inputs, outputs, dir, info, source, Map.of());
  }

  private static Path export(Session session, Map<String, Operand<?>> inputs, Map<String, Operand<?>> outputs,
      String dir, ModelInfo info, Optional<JobSource> source, Map<String, Vocabulary> vocabularies) {
    Path target = Path.of(dir).toAbsolutePath();
    Signature.Builder signature = Signature.builder()
        .key(SIGNATURE_KEY)
        .methodName("tensorflow/serving/predict");
    inputs.forEach(signature::input);
    outputs.forEach(signature::output);
    try {
      ExportFolder.replace(target, folder -> {
        SavedModelBundle.exporter(folder.toString())
            .withSession(session)
            .withSignature(signature.build())
            .export();
        clearDevices(folder.resolve("saved_model.pb"));
        info.write(folder);
        if (source.isPresent()) {
          Files.writeString(folder.resolve("assets").resolve(source.get().name()), source.get().text(),
              StandardCharsets.UTF_8);
        }
        if (!vocabularies.isEmpty()) {
          Path folderOfVocabularies = Files.createDirectories(folder.resolve(ExportedModel.VOCABULARIES));
          vocabularies.forEach((input, vocabulary) -> vocabulary.save(folderOfVocabularies.resolve(input + ".txt")));
        }
      });
    } catch (IOException e) {
      throw new TrainException("cannot export the model to " + target + ": " + e.getMessage(), e);
    }
    return target;
  }

  /**
   * Removes every op's device from the saved graph: a model trained with {@code --devices
   * cpu:0,cpu:1} (or on GPUs) must load and serve on a machine with one CPU.
   */
  private static void clearDevices(Path savedModel) throws IOException {
    SavedModel model = SavedModel.parseFrom(Files.readAllBytes(savedModel));
    SavedModel.Builder cleared = model.toBuilder();
    for (MetaGraphDef.Builder meta : cleared.getMetaGraphsBuilderList()) {
      for (NodeDef.Builder node : meta.getGraphDefBuilder().getNodeBuilderList()) {
        node.clearDevice();
      }
    }
    Files.write(savedModel, cleared.build().toByteArray());
  }

  /** The outputs described; {@code classes}, if present, names the classifier output and its classes. */
  private static List<ModelInfo.Tensor> outputs(Map<String, Operand<?>> outputs,
      Optional<Map.Entry<String, List<String>>> classes) {
    List<ModelInfo.Tensor> described = new ArrayList<>();
    outputs.forEach((name, output) -> described.add(new ModelInfo.Tensor(name,
        output.type() == TInt32.class ? ElementType.INT : ElementType.FLOAT, recordShape(output),
        activation(output), Double.NaN, Double.NaN,
        classes.filter(c -> c.getKey().equals(name)).map(Map.Entry::getValue).orElse(List.of()))));
    return described;
  }

  /** The label field's vocabulary (a folder of images has one), or else the class numbers. */
  private static List<String> classNames(Dataset data, JobDescription.Classifier classifier) {
    List<String> names = data.vocabulary(classifier.label());
    return names.size() == classifier.classes()
        ? names
        : IntStream.range(0, classifier.classes()).mapToObj(Integer::toString).toList();
  }

  /** The shape of one record: the operand's shape without the batch dimension, -1 where unknown. */
  private static long[] recordShape(Operand<?> operand) {
    Shape shape = operand.shape();
    long[] dims = new long[Math.max(0, shape.numDimensions() - 1)];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape.size(i + 1);
    }
    return dims;
  }

  /** {@code softmax} or {@code sigmoid} when the output is that op's result, so already probabilities. */
  private static String activation(Operand<?> output) {
    return switch (output.op().type()) {
      case "Softmax" -> "softmax";
      case "Sigmoid" -> "sigmoid";
      default -> "none";
    };
  }

  /** The least and greatest value of {@code field} over the data, so that inference can scale raw pixels alike. */
  private static double[] range(Dataset data, String field) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    boolean ints = data.field(field).type() == ElementType.INT;
    for (Iterator<Batch> batches = data.batches(1024, 0, 0); batches.hasNext(); ) {
      Batch batch = batches.next();
      if (ints) {
        for (int v : batch.ints(field)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      } else {
        for (float v : batch.floats(field)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    return new double[] {lo, hi};
  }
}
