package dev.nnc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.run.InMemoryJavaCompiler;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job's generated class can be driven from plain Java: {@code XorTrain.run(options)}, as LANGUAGE.md §10 says. */
class GeneratedJobClassTest {
  @TempDir Path dir;

  @Test
  void runTrainsTheJobWithTheOptionsGiven() throws Exception {
    String text = """
        model Xor {
          input x: float[2]
          output y = x -> dense(8) -> tanh -> dense(1)
        }
        data truth {
          train = records {
            x: float[2], target: float[1]
            [0, 0] [0]
            [0, 1] [1]
            [1, 0] [1]
            [1, 1] [0]
          }
        }
        train xor {
          model: Xor()
          data: truth.train
          loss: bce(y, target)
          optimizer: adam(lr: 0.05)
          batch: 4
          epochs: 50
        }
        """;
    Compilation c = Compilation.of(new SourceFile("xor.nn", text), List.of());
    assertTrue(c.succeeded(), c.diagnostics().toString());
    ClassLoader loader = InMemoryJavaCompiler.compile(Emitter.emit(c.program(), "demo"));
    TrainOptions options = TrainOptions.builder().epochs(3).logDir(dir)
        .out(new PrintStream(OutputStream.nullOutputStream())).build();

    TrainResult result = (TrainResult) loader.loadClass("demo.XorTrain").getMethod("run", TrainOptions.class)
        .invoke(null, options);

    assertEquals(3, result.epochs().size(), "the options' 3 epochs, not the job's 50");
    assertEquals(4, Files.readAllLines(dir.resolve("metrics.csv")).size());
  }
}
