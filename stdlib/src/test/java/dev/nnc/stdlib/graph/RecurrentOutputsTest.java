package dev.nnc.stdlib.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Builtins;
import dev.nnc.stdlib.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** A recurrent layer gives its final states as named outputs beside its result. */
class RecurrentOutputsTest {
  private static final float[][][] SEQUENCE = {{{0.5f, -1f}, {1f, 0.25f}, {-0.5f, 2f}}};

  @Test
  void anLstmGivesItsLastHiddenAndCellStates() {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Net net = Net.root(graph, 1);
      Operand<TFloat32> x = net.tf().constant(SEQUENCE);
      Outputs outputs = Layer.of(Builtins.LSTM, "units", 4, "sequences", true).outputs(net, x);
      assertEquals(List.of("out", "h", "c"), List.copyOf(outputs.byName().keySet()));
      try (Result r = session.runner().fetch(outputs.main()).fetch(outputs.get("h")).fetch(outputs.get("c")).run()) {
        assertArrayEquals(new long[] {1, 3, 4}, r.get(0).shape().asArray());
        assertArrayEquals(new long[] {1, 4}, r.get(1).shape().asArray());
        assertArrayEquals(new long[] {1, 4}, r.get(2).shape().asArray());
        float[] sequence = values((TFloat32) r.get(0));
        float[] state = values((TFloat32) r.get(1));
        // The state is the hidden output of the last step.
        for (int i = 0; i < 4; i++) {
          assertEquals(sequence[2 * 4 + i], state[i], 0f);
        }
      }
    }
  }

  @Test
  void aGruHasNoCellState() {
    try (Graph graph = new Graph()) {
      Net net = Net.root(graph, 1);
      Outputs outputs = Layer.of(Builtins.GRU, "units", 2).outputs(net, net.tf().constant(SEQUENCE));
      assertEquals(List.of("out", "h"), List.copyOf(outputs.byName().keySet()));
    }
  }

  private static float[] values(TFloat32 t) {
    float[] out = new float[(int) t.shape().size()];
    t.copyTo(DataBuffers.of(out, false, false));
    return out;
  }
}
