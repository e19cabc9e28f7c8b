package dev.nnc.runtime.infer;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.text.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A model exported by nnc, loaded from its SavedModel directory and served through its
 * {@code serving_default} signature, as TensorFlow Serving would. Inputs and outputs are records
 * given as flat arrays (the values of one record's shape, row after row); a batch is an array of them.
 */
public final class ExportedModel implements AutoCloseable {
  /** The folder of an export's vocabularies, {@code INPUT.txt} for each input a word source fed. */
  public static final String VOCABULARIES = "assets/vocabulary";

  private final Path dir;
  /** The version the export's link pointed at when loaded, where its assets are. */
  private final Path version;
  private final SavedModelBundle bundle;
  private final SessionFunction serve;
  private final ModelInfo info;

  private ExportedModel(Path dir, Path version, SavedModelBundle bundle, ModelInfo info) {
    this.dir = dir;
    this.version = version;
    this.bundle = bundle;
    this.serve = bundle.function("serving_default");
    this.info = info;
  }

  /** Loads the model nnc exported to {@code dir}; an {@link InferenceException} says what is wrong with it. */
  public static ExportedModel load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InferenceException(dir + ": no such directory (export a model with `export: \"" + dir + "\"` in a train job)");
    }
    if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      throw new InferenceException(dir + " holds no SavedModel: saved_model.pb is missing");
    }
    // An export is a link to its newest version (replaced whole by the next export): resolved once,
    // so the description and the weights come from the same version.
    Path version = resolved(dir);
    ModelInfo info = ModelInfo.read(version);
    try {
      return new ExportedModel(dir, version, SavedModelBundle.load(version.toString(), SavedModelBundle.DEFAULT_TAG), info);
    } catch (TensorFlowException | IllegalArgumentException e) {
      throw new InferenceException("cannot load the SavedModel in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Path resolved(Path dir) {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      throw new InferenceException("cannot read " + dir + ": " + e.getMessage(), e);
    }
  }

  /** What nnc recorded about the model when it exported it. */
  public ModelInfo info() {
    return info;
  }

  /** The vocabulary the input {@code input} was trained with, if a word source fed it. */
  public Optional<Vocabulary> vocabulary(String input) {
    Path file = version.resolve(VOCABULARIES).resolve(input + ".txt");
    return Files.isRegularFile(file) ? Optional.of(Vocabulary.load(file)) : Optional.empty();
  }

  /** A weight of the model as exported: its name ({@code SkipGram.w.embedding.embeddings}) and shape. */
  public record Weight(String name, long[] shape) {}

  /**
   * The model's float weights, in the order the graph made them; the optimizer's slots ({@code
   * dense.kernel-momentum}), which an export keeps too, left out.
   */
  public List<Weight> weights() {
    List<Weight> weights = new ArrayList<>();
    Iterator<GraphOperation> ops = bundle.graph().operations();
    while (ops.hasNext()) {
      GraphOperation op = ops.next();
      if (op.type().equals("VariableV2") && op.attributes().getAttrType("dtype") == DataType.DT_FLOAT
          && !op.name().contains("-")) {
        weights.add(new Weight(op.name(), op.output(0).shape().asArray()));
      }
    }
    return weights;
  }

  /** The values of weight {@code name} (one of {@link #weights}), flat in row-major order. */
  public float[] weightValues(String name) {
    try (Result result = bundle.session().runner().fetch(name).run()) {
      TFloat32 values = (TFloat32) result.get(0);
      float[] flat = new float[(int) values.shape().size()];
      values.copyTo(DataBuffers.of(flat, false, false));
      return flat;
    }
  }

  /**
   * Checks that the model has exactly the inputs {@code inputs} and the outputs {@code outputs}:
   * what a typed model class was generated for.
   */
  public ExportedModel expect(String model, List<String> inputs, List<String> outputs) {
    List<String> has = info.inputs().stream().map(ModelInfo.Tensor::name).toList();
    List<String> gives = info.outputs().stream().map(ModelInfo.Tensor::name).toList();
    if (!has.equals(inputs) || !gives.equals(outputs)) {
      close();
      throw new InferenceException(dir + " holds a model with inputs " + has + " and outputs " + gives
          + ", not a " + model + " (inputs " + inputs + ", outputs " + outputs + ")");
    }
    return this;
  }

  /**
   * Runs the model on a batch: for each input (by name) its records, a {@code float[][]} or an
   * {@code int[][]} as the input's type says, each record flat. Every output comes back whole.
   */
  public Outputs run(Map<String, Object> inputs) {
    Map<String, Tensor> fed = new LinkedHashMap<>();
    try {
      int records = -1;
      for (ModelInfo.Tensor input : info.inputs()) {
        Object values = inputs.get(input.name());
        if (values == null) {
          throw new InferenceException("no values for the model's input " + input.name());
        }
        int n = values instanceof float[][] f ? f.length : values instanceof int[][] i ? i.length : -1;
        if (records >= 0 && n != records) {
          throw new InferenceException("every input needs as many records: " + records + " and " + n);
        }
        records = n;
        fed.put(input.name(), tensor(input, values));
      }
      try (Result result = serve.call(fed)) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (ModelInfo.Tensor output : info.outputs()) {
          outputs.put(output.name(), records(result.get(output.name()).orElseThrow(), records));
        }
        return new Outputs(outputs);
      }
    } finally {
      fed.values().forEach(Tensor::close);
    }
  }

  /** The outputs of one run, each a batch of flat records. */
  public static final class Outputs {
    private final Map<String, Object> values;

    private Outputs(Map<String, Object> values) {
      this.values = values;
    }

    public float[][] floats(String output) {
      return (float[][]) values.get(output);
    }

    public int[][] ints(String output) {
      return (int[][]) values.get(output);
    }
  }

  private static Tensor tensor(ModelInfo.Tensor input, Object values) {
    long size = input.elements();
    if (size < 0) {
      throw new InferenceException("input " + input.name() + " is " + input.typeDescription()
          + ": a record of unknown size cannot be fed");
    }
    if (input.type() == ElementType.INT && values instanceof int[][] rows) {
      int[] flat = new int[(int) (rows.length * size)];
      for (int r = 0; r < rows.length; r++) {
        requireSize(input, r, rows[r].length, size);
        System.arraycopy(rows[r], 0, flat, (int) (r * size), rows[r].length);
      }
      return TInt32.tensorOf(batchShape(input, rows.length), DataBuffers.of(flat, true, false));
    }
    if (input.type() == ElementType.FLOAT && values instanceof float[][] rows) {
      float[] flat = new float[(int) (rows.length * size)];
      for (int r = 0; r < rows.length; r++) {
        requireSize(input, r, rows[r].length, size);
        System.arraycopy(rows[r], 0, flat, (int) (r * size), rows[r].length);
      }
      return TFloat32.tensorOf(batchShape(input, rows.length), DataBuffers.of(flat, true, false));
    }
    throw new InferenceException("input " + input.name() + " is " + input.typeDescription() + ": give it "
        + input.type().label() + " values");
  }

  private static Shape batchShape(ModelInfo.Tensor input, int records) {
    return Shape.of(LongStream.concat(LongStream.of(records), LongStream.of(input.shape())).toArray());
  }

  private static void requireSize(ModelInfo.Tensor input, int record, int found, long expected) {
    if (found != expected) {
      throw new InferenceException("input " + input.name() + " is " + input.typeDescription() + ", " + expected
          + " values a record; record " + (record + 1) + " has " + found);
    }
  }

  /** Splits a {@code [records, ...]} tensor into one flat array per record. */
  private static Object records(Tensor tensor, int records) {
    long size = records == 0 ? 0 : tensor.shape().size() / records;
    if (tensor instanceof TInt32 ints) {
      int[] flat = new int[(int) tensor.shape().size()];
      ints.copyTo(DataBuffers.of(flat, false, false));
      int[][] rows = new int[records][];
      for (int r = 0; r < records; r++) {
        rows[r] = java.util.Arrays.copyOfRange(flat, (int) (r * size), (int) ((r + 1) * size));
      }
      return rows;
    }
    float[] flat = new float[(int) tensor.shape().size()];
    ((TFloat32) tensor).copyTo(DataBuffers.of(flat, false, false));
    float[][] rows = new float[records][];
    for (int r = 0; r < records; r++) {
      rows[r] = java.util.Arrays.copyOfRange(flat, (int) (r * size), (int) ((r + 1) * size));
    }
    return rows;
  }

  @Override
  public void close() {
    bundle.close();
  }
}
