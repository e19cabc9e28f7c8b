package dev.nnc.runtime.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class PackingTest {
  @Test
  void packedTensorsComeBackWithTheirShapesAndValues() {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = Ops.create(graph);
      List<Operand<TFloat32>> tensors = List.of(tf.constant(new float[][] {{1, 2, 3}, {4, 5, 6}}),
          tf.constant(new float[] {7, 8, 9, 10}), tf.constant(new float[][][] {{{11, 12}}}));
      Operand<TFloat32> packed = Packing.pack(tf, tensors);
      assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, values(session, packed));
      List<Operand<TFloat32>> unpacked = Packing.unpack(tf, packed, tensors);
      for (int i = 0; i < tensors.size(); i++) {
        assertEquals(tensors.get(i).shape(), unpacked.get(i).shape(), "the static shape survives");
        assertArrayEquals(values(session, tensors.get(i)), values(session, unpacked.get(i)));
      }
    }
  }

  @Test
  void longListsAreCutIntoRunsOfBoundedSize() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> six = tf.zeros(tf.constant(new long[] {2, 3}), TFloat32.class);
      Operand<TFloat32> four = tf.zeros(tf.constant(new long[] {4}), TFloat32.class);
      Operand<TFloat32> two = tf.zeros(tf.constant(new long[] {2}), TFloat32.class);
      Operand<TFloat32> ten = tf.zeros(tf.constant(new long[] {10}), TFloat32.class);
      assertEquals(List.of(List.of(six), List.of(four, two), List.of(ten), List.of(two)),
          Packing.runs(List.of(six, four, two, ten, two), 6));
      assertEquals(List.of(List.of(six, four, two, ten, two)), Packing.runs(List.of(six, four, two, ten, two), 1000));
    }
  }

  private static float[] values(Session session, Operand<TFloat32> t) {
    try (var result = session.runner().fetch(t).run()) {
      TFloat32 value = (TFloat32) result.get(0);
      float[] flat = new float[(int) value.shape().size()];
      value.copyTo(DataBuffers.of(flat, false, false));
      return flat;
    }
  }
}
