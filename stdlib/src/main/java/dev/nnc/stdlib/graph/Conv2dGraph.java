package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Conv2d;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Conv2d}. */
final class Conv2dGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    long[] stride = args.pair("stride");
    long[] dilation = args.pair("dilation");
    Operand<TFloat32> y =
        tf.nn.conv2d(
            (Operand<TFloat32>) inputs.get(0),
            (Operand<TFloat32>) w.get("kernel"),
            List.of(1L, stride[0], stride[1], 1L),
            args.string("padding").toUpperCase(),
            org.tensorflow.op.nn.Conv2d.dilations(List.of(1L, dilation[0], dilation[1], 1L)));
    return BiasAndActivation.apply(net, args, y, w);
  }
}
