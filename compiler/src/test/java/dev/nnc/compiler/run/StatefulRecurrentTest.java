package dev.nnc.compiler.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stateful: true} carries a recurrent layer's state from one training step to the next, as
 * Keras does: a sequence cut in two, its halves in two batches, ends where the whole sequence ends.
 * The loss trains only a dense layer beside the recurrent one, so the recurrent weights stay as they
 * were initialized (the same seed gives both programs the same ones), and a metric reports the
 * recurrent output of the second batch.
 */
class StatefulRecurrentTest {
  @TempDir Path dir;

  private static final String HALVES = """
      model Halves {
        input x: float[2, 3]
        input z: float[1]
        output h = x -> %1$s(4, stateful: true)
        output y = z -> dense(1)
      }
      data halves {
        train = records {
          x: float[2, 3], z: float[1], t: float[1], second: float[1]
          [[1, 0, 2], [0, 1, 1]] [0] [0] [0]
          [[2, 1, 0], [1, -1, 1]] [0] [0] [2]
        }
      }
      train carry {
        model: Halves()
        data: halves.train
        validate: halves.train
        loss: mse(y, t)
        optimizer: sgd(lr: 0.1)
        batch: 1
        epochs: 2
        metrics: [sum(second * h)]
      }
      """;

  private static final String WHOLE = """
      model Whole {
        input x: float[4, 3]
        input z: float[1]
        output h = x -> %1$s(4)
        output y = z -> dense(1)
      }
      data whole {
        train = records {
          x: float[4, 3], z: float[1], t: float[1]
          [[1, 0, 2], [0, 1, 1], [2, 1, 0], [1, -1, 1]] [0] [0]
        }
      }
      train carry {
        model: Whole()
        data: whole.train
        loss: mse(y, t)
        optimizer: sgd(lr: 0.1)
        batch: 1
        epochs: 1
        metrics: [sum(h)]
      }
      """;

  private TrainResult train(String program, String layer) {
    String text = program.formatted(layer);
    Compilation c = Compilation.of(new SourceFile(dir.resolve("stateful.nn").toString(), text), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    return JobRunner.run(c.program(), "carry", List.of(), TrainOptions.builder().logDir(dir.resolve("logs"))
        .out(new PrintStream(OutputStream.nullOutputStream())).build());
  }

  /**
   * For each recurrent layer, the {@code sum} that {@code halves} reports each epoch equals the one
   * {@code whole} reports: 0 for the first batch and twice the sum for the second make an epoch
   * mean of the sum.
   */
  private void requireTheHalvesEndAsTheWhole(String halvesProgram, String wholeProgram) {
    for (String layer : List.of("lstm", "gru", "rnn")) {
      TrainResult halves = train(halvesProgram, layer);
      double whole = train(wholeProgram, layer).last().value("sum");

      assertEquals(whole, halves.epochs().get(0).value("sum"), 1e-5, layer);
      // the state is reset at the start of every epoch, so the second epoch ends the same way
      assertEquals(whole, halves.epochs().get(1).value("sum"), 1e-5, layer);
      // validation starts every batch from zeros: the second half alone ends elsewhere
      assertNotEquals(whole, halves.last().value("val_sum"), 1e-3, layer);
    }
  }

  @Test
  void aSequenceSplitAcrossTwoBatchesEndsAsTheWholeSequence() {
    requireTheHalvesEndAsTheWhole(HALVES, WHOLE);
  }

  /** The same halves in a job with a step block: the step's application of the layer carries its state. */
  private static final String STEP_HALVES = """
      model Halves {
        input x: float[2, 3]
        output h = x -> %1$s(4, stateful: true)
      }
      data halves {
        train = records {
          x: float[2, 3], second: float[1]
          [[1, 0, 2], [0, 1, 1]] [0]
          [[2, 1, 0], [1, -1, 1]] [2]
        }
      }
      train carry {
        let m = Halves()
        data: halves.train
        validate: halves.train
        batch: 1
        epochs: 2
        step {
          report sum: sum(second * m(x))
        }
      }
      """;

  private static final String STEP_WHOLE = """
      model Whole {
        input x: float[4, 3]
        output h = x -> %1$s(4)
      }
      data whole {
        train = records {
          x: float[4, 3]
          [[1, 0, 2], [0, 1, 1], [2, 1, 0], [1, -1, 1]]
        }
      }
      train carry {
        let m = Whole()
        data: whole.train
        batch: 1
        epochs: 1
        step {
          report sum: sum(m(x))
        }
      }
      """;

  @Test
  void aStepCarriesTheStateOfTheLayersItApplies() {
    requireTheHalvesEndAsTheWhole(STEP_HALVES, STEP_WHOLE);
  }
}
