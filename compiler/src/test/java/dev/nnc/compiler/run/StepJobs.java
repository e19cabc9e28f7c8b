package dev.nnc.compiler.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** What the tests of jobs with a step block share: the model Pair and its records, and a job compiled and run. */
final class StepJobs {
  /** Two records of two values; a model Pair multiplies its input by a raw parameter of two, ones at first. */
  static final String PAIR = """
      model Pair {
        param w: float[2] = ones
        input x: float[2]
        output y = x * w
      }
      data points {
        train = records { x: float[2]
          [1, 2]
          [3, 4]
        }
      }
      """;

  private StepJobs() {}

  /**
   * Writes {@code text} as {@code dir/steps.nn} (an export takes its source along), compiles it,
   * failing the test with the diagnostics if it has errors, and runs its first job logging to
   * {@code dir/log}.
   */
  static TrainResult train(Path dir, String text, TrainOptions.Builder options) throws Exception {
    Path source = Files.writeString(dir.resolve("steps.nn"), text);
    Compilation c = Compilation.of(new SourceFile(source.toString(), text), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    return JobRunner.run(c.program(), c.program().jobNames().get(0), List.of(), options.logDir(dir.resolve("log")).build());
  }
}
