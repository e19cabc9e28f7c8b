package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Slice;
import dev.nnc.stdlib.spec.Args;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;

/** The graph half of {@link Slice}: Slice from {@code from} for {@code to - from} along the axis, all of the others (int32 bounds: Slice's gradient builds int32 shapes). */
final class SliceGraph implements OneOutput {
  @Override
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    Operand<?> x = inputs.get(0);
    int rank = x.shape().numDimensions();
    int axis = axis(args.integer("axis"), rank);
    int[] begin = new int[rank];
    int[] size = new int[rank];
    Arrays.fill(size, -1);
    begin[axis] = (int) args.integer("from");
    size[axis] = (int) (args.integer("to") - args.integer("from"));
    return tf.slice(x, tf.constant(begin), tf.constant(size));
  }

  static int axis(long axis, int rank) {
    return (int) (axis < 0 ? rank + axis : axis);
  }
}
