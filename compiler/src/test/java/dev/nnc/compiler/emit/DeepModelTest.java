package dev.nnc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.run.InMemoryJavaCompiler;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.graph.Net;
import dev.nnc.runtime.train.ModelFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Models of any depth compile: the JVM refuses a method of more than 64 KB of bytecode, which a
 * model's {@code apply} of one statement per layer passes at about 700 layers, so long bodies are
 * split into a chain of methods. Models of ordinary size keep their single {@code apply} (the
 * samples' golden files show it).
 */
class DeepModelTest {
  /** A residual stack of {@code layers} dense layers whose output also reads the first layer, so a value crosses every split. */
  static String residualStack(int layers) {
    StringBuilder nn = new StringBuilder("model Deep(width: int = 8) {\n  input x: float[width]\n");
    nn.append("  let h1 = x -> dense(width) -> relu\n");
    for (int i = 2; i <= layers; i++) {
      nn.append("  let h").append(i).append(" = relu(h").append(i - 1).append(" + (h").append(i - 1)
          .append(" -> dense(width)))\n");
    }
    nn.append("  output y = h").append(layers).append(" + h1 -> dense(3)\n}\n");
    return nn.toString();
  }

  @ParameterizedTest
  @ValueSource(ints = {1000, 3000})
  void aDeepResidualStackCompiles(int layers) throws Exception {
    List<JavaFile> java = emit(layers);
    String source = java.get(0).toString();
    // h1 is read by the output, so every part takes it, besides the layer it goes on from.
    assertTrue(source.contains("return applyPart2(net, h1, h"), source);
    assertTrue(source.contains("private Outputs applyPart2(Net net, Operand<?> h1, Operand<?> h"), source);

    // Throws, with javac's errors, if the Java does not compile ("code too large" before the split).
    assertEquals("deep.Deep", InMemoryJavaCompiler.compile(java).loadClass("deep.Deep").getName());
  }

  /**
   * A split model builds the graph the checker inferred, at 1,000 layers. Graph building is linear in
   * the layers (a few seconds here): {@code Net} opens its scopes without TF Java's scan of every op
   * in the graph, which made it quadratic (a minute and more at this depth).
   */
  @Test
  void aSplitModelBuildsTheCheckedGraph() throws Exception {
    int layers = 1000;
    Compilation c = compilation(layers);
    List<JavaFile> java = Emitter.emit(c.program(), "deep");
    assertTrue(java.get(0).toString().contains("applyPart3("));
    ModelInstance instance = c.program().models().values().iterator().next();
    ModelFunction model = (ModelFunction) InMemoryJavaCompiler.compile(java).loadClass("deep.Deep")
        .getConstructor(long.class).newInstance(8L);
    try (Graph graph = new Graph()) {
      Net net = Net.root(graph, 1);
      Operand<?> x = net.tf().withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 8)));
      Operand<?> y = model.build(net, Map.of("x", x)).get("y");
      assertArrayEquals(new long[] {-1, 3}, y.shape().asArray());
      long weights = net.weights().stream().mapToLong(w -> w.shape().size()).sum();
      assertEquals(instance.trainable(), weights);
      assertEquals(layers * (8 * 8 + 8) + 8 * 3 + 3, weights);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 50})
  void aModelOfOrdinarySizeKeepsOneApplyMethod(int layers) {
    String source = emit(layers).get(0).toString();
    assertFalse(source.contains("applyPart2"), source);
  }

  private static Compilation compilation(int layers) {
    Compilation c = Compilation.of(new SourceFile("deep.nn", residualStack(layers)), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().toString());
    return c;
  }

  private static List<JavaFile> emit(int layers) {
    return Emitter.emit(compilation(layers).program(), "deep");
  }
}
