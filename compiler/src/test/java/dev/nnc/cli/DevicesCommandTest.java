package dev.nnc.cli;

import static dev.nnc.cli.CliTest.nnc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnc train --devices}: a replica of the model per device, each on its slice of every batch,
 * the gradients averaged into one update; for models without random draws or batch normalization,
 * the run one device makes, within float rounding.
 */
class DevicesCommandTest {
  private static final String DATA = """
      data points {
        train = records {
          x: float[2], target: float[1]
          [0, 0] [0]
          [0, 1] [1]
          [1, 0] [1]
          [1, 1] [0]
          [0.5, 0] [1]
          [0, 0.5] [1]
          [1, 0.5] [0]
          [0.5, 1] [0]
        } | shuffle(8)
      }
      """;

  @TempDir Path dir;

  @Test
  void aDeclarativeJobOnTwoDevicesWritesTheMetricsOfOne() throws Exception {
    Path program = write("mlp.nn", """
        model Mlp {
          input x: float[2]
          output y = x -> dense(8) -> tanh -> dense(1)
        }
        """ + DATA + """
        train mlp {
          model: Mlp()
          data: points.train
          validate: points.train
          loss: bce(y, target)
          optimizer: adam(lr: 0.05)
          batch: 4
          epochs: 5
          metrics: [accuracy(y, target)]
          seed: 3
        }
        """);
    assertSameMetrics(program, 6);
  }

  @Test
  void aStepJobOfTwoModelsOnTwoDevicesWritesTheMetricsOfOne() throws Exception {
    // Two models trained against each other, a minimize of each per step, as a GAN is (without its
    // random draws, which differ per replica); the reported sums follow the weights step by step.
    Path program = write("pair.nn", """
        model Gen {
          param w: float[2] = ones
          input x: float[2]
          output fake = x * w
        }
        model Critic {
          input x: float[2]
          output logit = x -> dense(4) -> tanh -> dense(1)
        }
        """ + DATA + """
        train pair {
          let g = Gen()
          let d = Critic()
          data: points.train
          batch: 4
          epochs: 4
          seed: 5
          step {
            let d_loss = 0.5 * (bce(d(x), 1) + bce(d(g(x)), 0))
            let g_loss = bce(d(g(x)), 1)
            minimize d: d_loss with adam(lr: 0.05)
            minimize g: g_loss with sgd(lr: 0.1)
            report d_loss, g_loss, g_w: sum(g.w)
          }
        }
        """);
    assertSameMetrics(program, 5);
  }

  @Test
  void devicesNamedWronglyOrWithDeviceAreUsageErrors() throws Exception {
    Path program = write("one.nn", """
        model M {
          input x: float[2]
          output y = x -> dense(1)
        }
        """ + DATA + """
        train one {
          model: M()
          data: points.train
          loss: mse(y, target)
          optimizer: sgd(lr: 0.1)
          batch: 3
          epochs: 1
        }
        """);
    CliTest.Run mixed = nnc("train", program.toString(), "--devices", "cpu:0,gpu:1");
    assertEquals(Nnc.USAGE, mixed.status());
    assertTrue(mixed.err().contains("all devices must be of one kind"), mixed.err());
    CliTest.Run both = nnc("train", program.toString(), "--device", "cpu", "--devices", "cpu:0,cpu:1");
    assertEquals(Nnc.USAGE, both.status());
    CliTest.Run odd = nnc("train", program.toString(), "--log-dir", dir.resolve("odd").toString(), "--devices", "cpu:0,cpu:1");
    assertEquals(Nnc.PROGRAM_ERRORS, odd.status());
    assertEquals("error: job one: batch 3 does not split into 2 equal slices, one per device of --devices"
        + " cpu:0,cpu:1; make the batch a multiple of 2\n", odd.err());
  }

  private void assertSameMetrics(Path program, int lines) throws Exception {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    CliTest.Run first = nnc("train", program.toString(), "--log-dir", one.toString(), "--progress", "lines");
    assertEquals(0, first.status(), first.err());
    CliTest.Run second = nnc("train", program.toString(), "--log-dir", two.toString(), "--progress", "lines",
        "--devices", "cpu:0,cpu:1");
    assertEquals(0, second.status(), second.err());
    List<String> a = Files.readAllLines(one.resolve("metrics.csv"));
    List<String> b = Files.readAllLines(two.resolve("metrics.csv"));
    assertEquals(lines, a.size(), a.toString());
    assertEquals(a.get(0), b.get(0));
    for (int row = 1; row < a.size(); row++) {
      String[] x = a.get(row).split(",");
      String[] y = b.get(row).split(",");
      for (int col = 0; col < x.length; col++) {
        assertEquals(Double.parseDouble(x[col]), Double.parseDouble(y[col]), 1e-5, a.get(0) + " row " + row + ": " + a + b);
      }
    }
    assertTrue(!a.get(1).equals(a.get(a.size() - 1)), "training changes the figures: " + a);
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
