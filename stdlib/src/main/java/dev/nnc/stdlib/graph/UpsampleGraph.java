package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Upsample;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Upsample}. */
final class UpsampleGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    long[] f = args.pair("factor");
    int h = (int) (x.shape().size(1) * f[0]);
    int wd = (int) (x.shape().size(2) * f[1]);
    return tf.image.resizeNearestNeighbor(x, tf.constant(new int[] {h, wd}));
  }
}
