package dev.nnc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.run.InMemoryJavaCompiler;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.graph.Net;
import dev.nnc.runtime.train.ModelFunction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * What the checker says a hyper-parameter expression is, the trained model computes: each model here
 * is emitted, compiled and run, and its outputs observed. Before the emitter wrote these expressions
 * as Java arithmetic on {@code long}, every one of them silently computed 0.
 */
class HyperParameterArithmeticTest {
  private static final String PROGRAM = """
      model Scaled(f: int = 8) {
        input x: float[1]
        output y = x * (f / 16)
      }
      model Inverse(f: int = 8) {
        input x: float[1]
        output y = x * f ** -1
      }
      model Attention(dk: int = 4) {
        input x: float[1]
        output y = x * (1 / dk)
      }
      model Dropped(f: int = 8) {
        input x: float[1000]
        let rate = f / 16
        output y = x -> dropout(rate)
      }
      model Branch(g: int = 2) {
        input x: float[1]
        output y = x * (if g == 0 { 3 } else { 1 / g })
      }
      model Twice {
        input x: float[1]
        output quarter = x -> Scaled(4)
        output threeQuarters = x -> Scaled(12)
      }
      """;

  private static Compilation compilation;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    compilation = Compilation.of(new SourceFile("arithmetic.nn", PROGRAM), List.of());
    assertTrue(compilation.succeeded(), () -> compilation.diagnostics().toString());
    loader = InMemoryJavaCompiler.compile(Emitter.emit(compilation.program(), "arithmetic"));
  }

  @Test
  void anIntDividedIntoAFractionScalesByTheFraction() throws Exception {
    assertEquals(0.5f, run("Scaled", new float[] {1}, false).get("y")[0], 1e-6);
  }

  @Test
  void aNegativePowerOfAnIntIsItsInverse() throws Exception {
    assertEquals(0.125f, run("Inverse", new float[] {1}, false).get("y")[0], 1e-6);
  }

  @Test
  void oneOverAHyperParameterIsAFloatConstant() throws Exception {
    assertEquals(0.25f, run("Attention", new float[] {1}, false).get("y")[0], 1e-6);
  }

  @Test
  void aBranchNoUseTookIsWrittenFromTheSource() throws Exception {
    // The checker never evaluated `3` (g is 2): the emitter once failed on the missing value.
    assertEquals(0.5f, run("Branch", new float[] {1}, false).get("y")[0], 1e-6);
  }

  @Test
  void eachUseOfAModelComputesWithItsOwnHyperParameters() throws Exception {
    Map<String, float[]> outputs = run("Twice", new float[] {1}, false);
    assertEquals(0.25f, outputs.get("quarter")[0], 1e-6);
    assertEquals(0.75f, outputs.get("threeQuarters")[0], 1e-6);
  }

  @Test
  void dropoutOfAFractionOfHyperParametersDropsThatFraction() throws Exception {
    float[] ones = new float[1000];
    Arrays.fill(ones, 1f);
    float[] y = run("Dropped", ones, true).get("y");
    long dropped = 0;
    for (float v : y) {
      // rate 0.5: a kept value is scaled by 1 / (1 - 0.5)
      assertTrue(v == 0f || Math.abs(v - 2f) < 1e-6, "a value of dropout(0.5) of 1 is 0 or 2, found " + v);
      dropped += v == 0f ? 1 : 0;
    }
    assertTrue(dropped > 400 && dropped < 600, dropped + " of 1000 dropped at rate 0.5");
  }

  /** Builds the checked model with its defaults, feeds {@code x}, and fetches every output. */
  private static Map<String, float[]> run(String name, float[] x, boolean training) throws Exception {
    ModelInstance instance = compilation.program().models().entrySet().stream()
        .filter(e -> e.getKey().name().name().equals(name)).findFirst().orElseThrow().getValue();
    Class<?> type = loader.loadClass("arithmetic." + name);
    ModelFunction model = (ModelFunction) type.getConstructors()[0].newInstance(instance.hyper().values().toArray());
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Net net = Net.root(graph, 7);
      Operand<TFloat32> input = net.tf().withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, x.length)));
      Map<String, Operand<?>> outputs = model.build(net, Map.of("x", input));
      try (TFloat32 feed = TFloat32.tensorOf(Shape.of(1, x.length), DataBuffers.of(x, true, false));
          TBool train = TBool.scalarOf(training)) {
        Session.Runner runner = session.runner().feed(input, feed).feed(net.training(), train);
        outputs.values().forEach(runner::fetch);
        try (Result result = runner.run()) {
          Map<String, float[]> values = new java.util.LinkedHashMap<>();
          int i = 0;
          for (String output : outputs.keySet()) {
            TFloat32 t = (TFloat32) result.get(i++);
            float[] flat = new float[(int) t.size()];
            t.copyTo(DataBuffers.of(flat, false, false));
            values.put(output, flat);
          }
          return values;
        }
      }
    }
  }
}
