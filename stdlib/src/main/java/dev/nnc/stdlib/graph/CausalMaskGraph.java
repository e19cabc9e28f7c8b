package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.CausalMask;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;

/** The graph half of {@link CausalMask}: a constant, the lower triangle of ones. */
final class CausalMaskGraph implements OneOutput {
  @Override
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    int n = (int) args.integer("n");
    return net.tf().constant(Shape.of(n, n), DataBuffers.of(lowerTriangle(n)));
  }

  /** Row i has ones in columns 0..i: the positions that position i may attend to. */
  static float[] lowerTriangle(int n) {
    float[] ones = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        ones[i * n + j] = 1f;
      }
    }
    return ones;
  }
}
