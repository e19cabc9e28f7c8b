package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Pool;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Pool}. */
final class PoolGraph implements OneOutput {
  private final Pool op;

  PoolGraph(Pool op) {
    this.op = op;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    long[] size = args.pair("size");
    long[] stride = Pool.stride(args);
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    String padding = args.string("padding").toUpperCase();
    if (op == Pool.MAX) {
      return tf.nn.maxPool(
          x,
          tf.constant(new int[] {1, (int) size[0], (int) size[1], 1}),
          tf.constant(new int[] {1, (int) stride[0], (int) stride[1], 1}),
          padding);
    }
    return tf.nn.avgPool(x, List.of(1L, size[0], size[1], 1L), List.of(1L, stride[0], stride[1], 1L), padding);
  }
}
