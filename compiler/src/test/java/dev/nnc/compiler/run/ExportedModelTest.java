package dev.nnc.compiler.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.emit.Emitter;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.infer.ModelInfo;
import dev.nnc.runtime.infer.RestoredModel;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainSpec;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * An exported model: the SavedModel carries its source and what nnc knows of it, and the generated
 * typed class loads it in a fresh JVM and predicts what the trained weights give in the trainer's graph.
 */
class ExportedModelTest {
  @TempDir Path dir;

  private static final float[][] RECORDS = {{0.1f, 0.9f, -0.3f, 0.5f}, {1, 0, 0.25f, -1}, {0, 0, 0, 0}};

  private String program() {
    return """
        model Mlp(classes: int = 3) {
          input x: float[4]
          let logits = x -> dense(8, activation: relu) -> dense(classes)
          output scores = logits
          output probs = softmax(logits)
        }

        data toy {
          train = records {
            x: float[4], y: int
            [0.1, 0.9, -0.3, 0.5] 0
            [1, 0, 0.25, -1] 1
            [0, 1, 0, 1] 2
            [0.5, 0.5, 0.5, 0.5] 0
          }
        }

        train toy_job {
          model: Mlp()
          data: toy.train
          loss: cross_entropy(scores, y)
          optimizer: adam(lr: 0.05)
          batch: 2
          epochs: 5
          checkpoint: every(1 epoch)
          export: "%s"
        }
        """.formatted(dir.resolve("model").toString().replace("\\", "/"));
  }

  @Test
  void theTypedClassPredictsInAFreshJvmWhatTheTrainedWeightsGive() throws Exception {
    String text = program();
    Path source = Files.writeString(dir.resolve("toy.nn"), text);
    Compilation c = Compilation.of(new SourceFile(source.toString(), text), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    GeneratedProgram generated = GeneratedProgram.compile(c.program(), List.of());
    TrainSpec spec = (TrainSpec) generated.jobSpec("toy_job");
    Path logDir = dir.resolve("run");
    dev.nnc.runtime.train.Trainer.run(spec, TrainOptions.builder().logDir(logDir).quiet(true).build());

    Path model = dir.resolve("model");
    assertEquals(text, Files.readString(model.resolve("assets/toy.nn")), "the source is exported as an asset");
    ModelInfo info = ModelInfo.read(model);
    assertEquals("toy_job", info.job());
    assertEquals("x", info.inputs().get(0).name());
    assertEquals(List.of("scores", "probs"), info.outputs().stream().map(ModelInfo.Tensor::name).toList());
    assertEquals("softmax", info.outputs().get(1).activation());
    assertEquals(-1.0, info.inputs().get(0).lo());
    assertEquals(1.0, info.inputs().get(0).hi());

    float[][] expected = trainedScores(spec, newestCheckpoint(logDir));
    float[][] predicted = predictInFreshJvm(c, model);
    for (int r = 0; r < RECORDS.length; r++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(expected[r][k], predicted[r][k], 1e-5, "record " + r + ", class " + k);
      }
    }
  }

  /** The model's scores in a graph built by the model function, with the weights of the trainer's last checkpoint. */
  private static float[][] trainedScores(TrainSpec spec, Path checkpoint) {
    try (RestoredModel m = RestoredModel.restore(spec.model(), spec.inputs(), checkpoint.resolve("variables"), false);
        TFloat32 x = TFloat32.tensorOf(Shape.of(RECORDS.length, 4), DataBuffers.of(flat(RECORDS), true, false));
        Result result = m.session().runner().feed(m.inputs().get("x"), x).fetch(m.outputs().get("scores")).run()) {
      float[] values = new float[RECORDS.length * 3];
      ((TFloat32) result.get(0)).copyTo(DataBuffers.of(values, false, false));
      float[][] rows = new float[RECORDS.length][3];
      for (int r = 0; r < rows.length; r++) {
        System.arraycopy(values, r * 3, rows[r], 0, 3);
      }
      return rows;
    }
  }

  private static Path newestCheckpoint(Path logDir) throws Exception {
    try (Stream<Path> all = Files.list(logDir.resolve("checkpoints"))) {
      return all.filter(p -> p.getFileName().toString().startsWith("ckpt-"))
          .max((a, b) -> Long.compare(step(a), step(b))).orElseThrow();
    }
  }

  private static long step(Path checkpoint) {
    return Long.parseLong(checkpoint.getFileName().toString().substring("ckpt-".length()));
  }

  /** Compiles the generated Java and a small main to class files, runs the main in a new JVM, and parses its lines. */
  private float[][] predictInFreshJvm(Compilation c, Path model) throws Exception {
    Path sources = Files.createDirectories(dir.resolve("src"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    for (JavaFile file : Emitter.emit(c.program(), "demo")) {
      file.writeTo(sources);
    }
    StringBuilder records = new StringBuilder();
    for (float[] r : RECORDS) {
      records.append("{").append(r[0]).append("f, ").append(r[1]).append("f, ").append(r[2]).append("f, ")
          .append(r[3]).append("f}, ");
    }
    Files.writeString(sources.resolve("demo/Predict.java"), """
        package demo;

        public final class Predict {
          public static void main(String[] args) {
            try (MlpModel m = MlpModel.load(java.nio.file.Path.of(args[0]))) {
              for (MlpModel.Prediction p : m.predict(new float[][] {%s})) {
                StringBuilder line = new StringBuilder();
                for (float v : p.scores()) {
                  line.append(v).append(' ');
                }
                System.out.println(line.toString().trim());
              }
              float[] one = m.predict(new float[] {%s}).probs();
              System.out.println("one " + one.length);
            }
          }
        }
        """.formatted(records, records.substring(1, records.indexOf("}"))));
    List<String> javac = new ArrayList<>(List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(p -> javac.add(p.toString()));
    }
    assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, javac.toArray(String[]::new)));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp",
        classes + File.pathSeparator + System.getProperty("java.class.path"), "demo.Predict", model.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), () -> String.join("\n", lines));
    assertEquals("one 3", lines.get(RECORDS.length));
    float[][] rows = new float[RECORDS.length][3];
    for (int r = 0; r < RECORDS.length; r++) {
      String[] values = lines.get(r).split(" ");
      for (int k = 0; k < 3; k++) {
        rows[r][k] = Float.parseFloat(values[k]);
      }
    }
    return rows;
  }

  private static float[] flat(float[][] rows) {
    float[] flat = new float[rows.length * rows[0].length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, flat, r * rows[r].length, rows[r].length);
    }
    return flat;
  }
}
