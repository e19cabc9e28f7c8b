package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Conv1d;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Conv1d}. */
final class Conv1dGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    // A 1-D convolution is a 2-D one over a height of 1: [b, steps, c] -> [b, 1, steps, c].
    Operand<TFloat32> x = tf.expandDims((Operand<TFloat32>) inputs.get(0), tf.constant(1));
    Operand<TFloat32> kernel = tf.expandDims((Operand<TFloat32>) w.get("kernel"), tf.constant(0));
    long stride = args.integer("stride");
    Operand<TFloat32> y = tf.nn.conv2d(x, kernel, List.of(1L, 1L, stride, 1L), args.string("padding").toUpperCase(),
        org.tensorflow.op.nn.Conv2d.dilations(List.of(1L, 1L, args.integer("dilation"), 1L)));
    y = tf.squeeze(y, org.tensorflow.op.core.Squeeze.axis(List.of(1L)));
    return BiasAndActivation.apply(net, args, y, w);
  }
}
