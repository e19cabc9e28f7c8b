package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.CausalMask;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link CausalMask}: a constant, the lower triangle of ones. */
final class CausalMaskGraph implements OneOutput {
  @Override
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    int n = (int) args.integer("n");
    return lowerTriangle(net, n, n);
  }

  /** [rows, cols], row i has ones in columns 0..i: the positions that position i may attend to. */
  static Operand<TFloat32> lowerTriangle(Net net, int rows, int cols) {
    float[] ones = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j <= i && j < cols; j++) {
        ones[i * cols + j] = 1f;
      }
    }
    return net.tf().constant(Shape.of(rows, cols), DataBuffers.of(ones));
  }
}
