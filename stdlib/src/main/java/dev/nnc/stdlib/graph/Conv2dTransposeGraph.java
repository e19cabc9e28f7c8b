package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Conv2dTranspose;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The graph half of {@link Conv2dTranspose}. */
final class Conv2dTransposeGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    long[] kernel = args.pair("kernel");
    long[] stride = args.pair("stride");
    boolean same = args.string("padding").equals("same");
    long filters = args.integer("filters");
    int h = (int) Conv2dTranspose.grown(Dim.of(x.shape().size(1)), kernel[0], stride[0], same).sizeOr(-1);
    int wd = (int) Conv2dTranspose.grown(Dim.of(x.shape().size(2)), kernel[1], stride[1], same).sizeOr(-1);
    // The output's batch size is only known when the graph runs: take it from the input.
    Operand<TInt32> batch = tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TInt32> outputShape = tf.concat(List.of(batch, tf.constant(new int[] {h, wd, (int) filters})), tf.constant(0));
    Operand<TFloat32> y = tf.nn.conv2dBackpropInput(outputShape, (Operand<TFloat32>) w.get("kernel"), x,
        List.of(1L, stride[0], stride[1], 1L), same ? "SAME" : "VALID");
    return BiasAndActivation.apply(net, args, y, w);
  }
}
