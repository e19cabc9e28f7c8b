package dev.nnc.stdlib.init;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.nnc.stdlib.spec.InitCall;
import dev.nnc.stdlib.spec.TensorShape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Every initializer of the registry builds, for a [64, 32] kernel, values of Keras's definition:
 * the constants exactly, the random ones with their mean and standard deviation (fan_in 64,
 * fan_out 32). A new initializer without an expectation here fails.
 */
class InitializersTest {
  private static final long IN = 64;
  private static final long OUT = 32;
  private static final double GLOROT = Math.sqrt(2.0 / (IN + OUT));
  /** The mean and standard deviation of each initializer by Keras's definition, without arguments. */
  private static final Map<String, double[]> EXPECTED = Map.ofEntries(
      Map.entry("zeros", new double[] {0, 0}),
      Map.entry("ones", new double[] {1, 0}),
      Map.entry("constant", new double[] {0, 0}),
      Map.entry("glorot_uniform", new double[] {0, GLOROT}),
      Map.entry("glorot_normal", new double[] {0, GLOROT}),
      Map.entry("he_normal", new double[] {0, Math.sqrt(2.0 / IN)}),
      Map.entry("lecun_normal", new double[] {0, Math.sqrt(1.0 / IN)}),
      // The columns of a 64 x 32 orthogonal matrix are unit vectors: each value has variance 1/64.
      Map.entry("orthogonal", new double[] {0, Math.sqrt(1.0 / IN)}),
      Map.entry("normal", new double[] {0, 0.05}),
      Map.entry("uniform", new double[] {0, 0.1 / Math.sqrt(12)}));

  @TestFactory
  List<DynamicTest> everyInitializerGivesKerasValues() {
    return InitializerBuiltin.ALL.stream().map(init -> DynamicTest.dynamicTest(init.name(), () -> {
      double[] expected = EXPECTED.get(init.name());
      assertNotNull(expected, init.name() + " has no expectation in InitializersTest");
      float[] values = draw(init.name());
      double mean = Arrays.stream(toDoubles(values)).average().orElseThrow();
      double std = Math.sqrt(Arrays.stream(toDoubles(values)).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
      // 2,048 values: five standard errors of the mean, and 10% of the deviation.
      assertEquals(expected[0], mean, 5 * expected[1] / Math.sqrt(values.length) + 1e-7, init.name() + " mean");
      assertEquals(expected[1], std, 0.1 * expected[1] + 1e-7, init.name() + " standard deviation");
    })).toList();
  }

  @TestFactory
  List<DynamicTest> argumentsReplaceTheDefaults() {
    return List.of(
        DynamicTest.dynamicTest("constant(0.5)", () -> assertArrayEquals(filled(0.5f), draw(new InitCall("constant", List.of(0.5))))),
        DynamicTest.dynamicTest("normal(3) keeps the default std", () -> {
          double mean = Arrays.stream(toDoubles(draw(new InitCall("normal", List.of(3.0))))).average().orElseThrow();
          assertEquals(3.0, mean, 0.01);
        }));
  }

  /** A [64, 32] weight of the initializer {@code spec} (a name or an {@link InitCall}). */
  private static float[] draw(Object spec) {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      var value = Initializers.of(spec, TensorShape.of(IN, OUT)).create(tf, Shape.of(IN, OUT), 7);
      try (var result = session.runner().fetch(value).run()) {
        TFloat32 t = (TFloat32) result.get(0);
        float[] out = new float[(int) (IN * OUT)];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
      }
    }
  }

  private static float[] filled(float v) {
    float[] out = new float[(int) (IN * OUT)];
    Arrays.fill(out, v);
    return out;
  }

  private static double[] toDoubles(float[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }
}
