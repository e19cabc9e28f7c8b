package dev.nnc.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.emit.Emitter;
import dev.nnc.compiler.run.InMemoryJavaCompiler;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.graph.Net;
import dev.nnc.runtime.train.ModelFunction;
import dev.nnc.stdlib.spec.TensorType;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The contract between the checker and the runtime: for every model, the graph the generated Java
 * builds has the output shapes the checker inferred and exactly the weights it counted.
 */
class EmittedModelsMatchCheckerTest {
  @TestFactory
  Stream<DynamicTest> generatedGraphsHaveTheCheckedShapesAndWeights() throws Exception {
    return Stream.concat(modelsOf("shapes.nn"), modelsOf("states.nn"));
  }

  private static Stream<DynamicTest> modelsOf(String program) throws Exception {
    Path file = Path.of("src/test/resources/programs", program);
    Compilation c = Compilation.of(new SourceFile(file.toString(), Files.readString(file)), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().toString());
    ClassLoader loader = InMemoryJavaCompiler.compile(Emitter.emit(c.program(), "contract"));
    return c.program().models().values().stream().map(instance ->
        DynamicTest.dynamicTest(instance.decl().name().name(), () -> verify(loader, instance)));
  }

  private static void verify(ClassLoader loader, ModelInstance instance) throws Exception {
    Class<?> type = loader.loadClass("contract." + instance.decl().name().name());
    Constructor<?> constructor = type.getConstructors()[0];
    ModelFunction model = (ModelFunction) constructor.newInstance(instance.hyper().values().toArray());
    try (Graph graph = new Graph()) {
      Net net = Net.root(graph, 1);
      Map<String, Operand<?>> inputs = new LinkedHashMap<>();
      instance.inputs().forEach((name, t) -> {
        var shape = org.tensorflow.op.core.Placeholder.shape(Shape.of(t.shape().sizes()));
        inputs.put(name, t.element() == ElementType.INT
            ? net.tf().withName(name).placeholder(TInt32.class, shape)
            : net.tf().withName(name).placeholder(TFloat32.class, shape));
      });
      Map<String, Operand<?>> outputs = model.build(net, inputs);
      for (Map.Entry<String, TensorType> expected : instance.outputs().entrySet()) {
        Shape built = outputs.get(expected.getKey()).shape();
        // Shapes with an unknown (batch) size never compare equal; their sizes do.
        assertArrayEquals(expected.getValue().shape().sizes(), built.asArray(), "output " + expected.getKey());
      }
      long trainable = net.weights().stream().filter(Net.Weight::trainable).mapToLong(w -> w.shape().size()).sum();
      long fixed = net.weights().stream().filter(w -> !w.trainable()).mapToLong(w -> w.shape().size()).sum();
      assertEquals(instance.trainable(), trainable, "trainable weights");
      assertEquals(instance.nonTrainable(), fixed, "non-trainable weights");
    }
  }
}
