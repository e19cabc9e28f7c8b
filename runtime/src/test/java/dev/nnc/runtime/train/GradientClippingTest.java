package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradientClippingTest {
  @TempDir Path dir;

  /** The gradient is 100 * [1, 2, 3, 4], of norm 548: far beyond either bound. */
  private TrainResult twoSteps(GradientClipping clip, String metric, TensorFunction value) {
    return Trainer.run(
        Probe.spec(Probe.linear(100, 200, 300, 400), 0, 0, 0, 0).clip(clip).epochs(2)
            .metric(metric, value).build(),
        TrainOptions.builder().logDir(dir).quiet(true).build());
  }

  @Test
  void globalNormScalesTheStepDownToTheBound() {
    TrainResult result = twoSteps(GradientClipping.globalNorm(5), "norm", Probe::norm);

    // SGD at rate 1 from w = 0: after one step the norm of w is the norm of the clipped gradient.
    assertArrayEquals(new double[] {0, 5}, Probe.perEpoch(result, "norm"), 1e-5);
  }

  @Test
  void globalNormKeepsTheDirection() {
    TrainResult result = twoSteps(GradientClipping.globalNorm(5), "sum", Probe::sum);

    assertArrayEquals(new double[] {0, -5 * 10 / Math.sqrt(30)}, Probe.perEpoch(result, "sum"), 1e-5);
  }

  @Test
  void globalNormLeavesSmallGradientsAlone() {
    TrainResult result = twoSteps(GradientClipping.globalNorm(1000), "norm", Probe::norm);

    assertArrayEquals(new double[] {0, 100 * Math.sqrt(30)}, Probe.perEpoch(result, "norm"), 1e-3);
  }

  @Test
  void valueClipsEachComponent() {
    TrainResult result = twoSteps(GradientClipping.value(1), "sum", Probe::sum);

    assertArrayEquals(new double[] {0, -4}, Probe.perEpoch(result, "sum"), 1e-6);
  }
}
