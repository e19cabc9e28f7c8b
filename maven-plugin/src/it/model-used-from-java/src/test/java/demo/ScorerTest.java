package demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import demo.models.Probe;
import dev.nnc.runtime.graph.Net;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class ScorerTest {
  private static long weights(Net net) {
    return net.weights().stream().mapToLong(w -> w.shape().size()).sum();
  }

  @Test
  void theGeneratedClassifierBuildsItsGraph() {
    try (Graph graph = new Graph()) {
      Net net = Net.root(graph, 1);
      Operand<TFloat32> features = net.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 4)));
      Operand<?> logits = Scorer.logits(net, features, 5);
      assertArrayEquals(new long[] {-1, 5}, logits.shape().asArray());
      assertEquals(4 * 16 + 16 + 16 * 5 + 5, weights(net));
    }
  }

  @Test
  void aModelFromSrcTestNnIsThereForTheTests() {
    try (Graph graph = new Graph()) {
      Net net = Net.root(graph, 1);
      Operand<TFloat32> x = net.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 3)));
      assertArrayEquals(new long[] {-1, 2}, new Probe().apply(net, x).y().shape().asArray());
      assertEquals(3 * 2 + 2, weights(net));
    }
  }
}
