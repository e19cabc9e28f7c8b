package dev.nnc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.nnc.cli.Nnc;
import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.run.JobRunner;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.infer.ExportedModel;
import dev.nnc.runtime.infer.ModelInfo;
import dev.nnc.runtime.train.TrainOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sample trained a few steps into an export, written as ONNX by {@code nnc onnx}, gives in ONNX
 * Runtime what the SavedModel gives in TensorFlow on the same inputs, within 1e-5.
 */
class OnnxExportTest {
  private static final int RECORDS = 4;

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "fashion/mlp.nn, fashion_mlp,",
      "fashion/cnn.nn, fashion_cnn,",
      "fashion/bn_cnn.nn, fashion_bn_cnn,",
      "fashion/resnet.nn, fashion_resnet,",
      "fashion/gru.nn, fashion_gru,",
      "text/char_lm.nn, char_lm,",
      "autoencoders/plain.nn, plain_autoencoder,",
      "autoencoders/conv.nn, conv_autoencoder,",
      // Two exports of one job: the encoder's folder names the model written.
      "autoencoders/deep.nn, deep_autoencoder,",
      "gan/mlp_gan.nn, mlp_gan,",
      "gan/dcgan.nn, dcgan,",
      // The layers and functions the samples do not use, on the Fashion-MNIST files.
      "src/test/resources/onnx/mix.nn, mix, fashion",
  })
  void onnxRuntimeAgreesWithTheSavedModel(String sample, String job, String data) throws Exception {
    Path dataDir = data == null ? Samples.ROOT.resolve(sample).getParent() : Samples.ROOT.resolve(data);
    Path export = train(Path.of(sample), job, dataDir);
    Path onnx = dir.resolve("model.onnx");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Nnc.run(new String[] {"onnx", "--model", export.toString(), "-o", onnx.toString(),
        "--data-dir", dataDir.toString()}, new PrintWriter(out), new PrintWriter(err));
    assertEquals(Nnc.OK, code, err.toString());

    Map<String, Object> inputs = new LinkedHashMap<>();
    try (ExportedModel saved = ExportedModel.load(export)) {
      ModelInfo info = saved.info();
      Random random = new Random(7);
      for (ModelInfo.Tensor input : info.inputs()) {
        inputs.put(input.name(), records(input, random));
      }
      ExportedModel.Outputs expected = saved.run(inputs);
      try (OrtEnvironment env = OrtEnvironment.getEnvironment();
          OrtSession session = env.createSession(onnx.toString(), new OrtSession.SessionOptions())) {
        Map<String, OnnxTensor> fed = new HashMap<>();
        for (ModelInfo.Tensor input : info.inputs()) {
          fed.put(input.name(), tensor(env, input, inputs.get(input.name())));
        }
        try (OrtSession.Result result = session.run(fed)) {
          for (ModelInfo.Tensor output : info.outputs()) {
            float[][] want = expected.floats(output.name());
            float[] got = ((OnnxTensor) result.get(output.name()).orElseThrow()).getFloatBuffer().array();
            assertEquals(RECORDS * want[0].length, got.length, output.name() + "'s size");
            for (int r = 0; r < RECORDS; r++) {
              for (int k = 0; k < want[r].length; k++) {
                float w = want[r][k];
                float g = got[r * want[r].length + k];
                assertTrue(Math.abs(w - g) <= 1e-5 * Math.max(1, Math.abs(w)),
                    sample + " " + output.name() + "[" + r + "][" + k + "]: SavedModel " + w + ", ONNX " + g);
              }
            }
          }
        } finally {
          fed.values().forEach(OnnxTensor::close);
        }
      }
    }
  }

  /**
   * Trains {@code job} of {@code sample} a few steps, each export sent to a folder of the same name
   * under the test's; returns the first.
   */
  private Path train(Path sample, String job, Path dataDir) throws Exception {
    Matcher exports = Pattern.compile("export( \\w+)?: \"[^\"]*/([^\"/]+)\"").matcher(Files.readString(sample));
    String source = exports.replaceAll(m -> Matcher.quoteReplacement(
        "export" + (m.group(1) == null ? "" : m.group(1)) + ": \"" + dir.resolve(m.group(2)).toString().replace('\\', '/') + "\""));
    Matcher first = Pattern.compile("export( \\w+)?: \"([^\"]*)\"").matcher(source);
    assertTrue(first.find(), sample + " exports nothing");
    Path export = Path.of(first.group(2));
    Compilation c = Compilation.of(new SourceFile(sample.toString(), source), List.of(dataDir));
    assertTrue(c.succeeded(), c.diagnostics().toString());
    TrainOptions options = TrainOptions.builder()
        .maxSteps(3)
        .logDir(dir.resolve("logs"))
        .out(new PrintStream(OutputStream.nullOutputStream()))
        .build();
    JobRunner.run(c.program(), job, List.of(dataDir), options);
    assertTrue(Files.exists(export.resolve("saved_model.pb")), job + " exported nothing to " + export);
    return export;
  }

  /** Random records of the input's type: values in the range the data had, indices below the vocabulary's size. */
  private static Object records(ModelInfo.Tensor input, Random random) {
    int size = (int) input.elements();
    if (input.type() == ElementType.INT) {
      int[][] rows = new int[RECORDS][size];
      int bound = input.vocabulary().isEmpty() ? 2 : input.vocabulary().size();
      for (int[] row : rows) {
        for (int k = 0; k < size; k++) {
          row[k] = random.nextInt(bound);
        }
      }
      return rows;
    }
    double lo = Double.isFinite(input.lo()) ? input.lo() : -1;
    double hi = Double.isFinite(input.hi()) ? input.hi() : 1;
    float[][] rows = new float[RECORDS][size];
    for (float[] row : rows) {
      for (int k = 0; k < size; k++) {
        row[k] = (float) (lo + (hi - lo) * random.nextDouble());
      }
    }
    return rows;
  }

  private static OnnxTensor tensor(OrtEnvironment env, ModelInfo.Tensor input, Object records) throws OrtException {
    long[] shape = LongStream.concat(LongStream.of(RECORDS), LongStream.of(input.shape())).toArray();
    int size = (int) input.elements();
    if (records instanceof int[][] rows) {
      IntBuffer flat = IntBuffer.allocate(RECORDS * size);
      for (int[] row : rows) {
        flat.put(row);
      }
      return OnnxTensor.createTensor(env, flat.flip(), shape);
    }
    FloatBuffer flat = FloatBuffer.allocate(RECORDS * size);
    for (float[] row : (float[][]) records) {
      flat.put(row);
    }
    return OnnxTensor.createTensor(env, flat.flip(), shape);
  }
}
