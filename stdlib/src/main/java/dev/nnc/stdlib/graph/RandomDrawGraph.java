package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.RandomDraw;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** The graph half of {@link RandomDraw}. */
final class RandomDrawGraph implements OneOutput {
  private final RandomDraw op;

  RandomDrawGraph(RandomDraw op) {
    this.op = op;
  }

  @Override
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    long count = args.integer("count");
    Operand<TInt64> records = count == RandomDraw.PER_RECORD
        ? tf.reshape(net.batchSize(), tf.constant(new long[] {1}))
        : tf.constant(new long[] {count});
    Operand<TInt64> shape = tf.concat(List.of(records, tf.constant(args.integers("shape"))), tf.constant(0));
    if (op == RandomDraw.NORMAL) {
      Operand<TFloat32> z = tf.random.statelessRandomNormal(shape, net.randomKey(), TFloat32.class);
      return tf.math.add(tf.math.mul(z, tf.constant((float) args.real("std"))), tf.constant((float) args.real("mean")));
    }
    Operand<TFloat32> u = tf.random.statelessRandomUniform(shape, net.randomKey(), TFloat32.class);
    float lo = (float) args.real("lo");
    return tf.math.add(tf.math.mul(u, tf.constant((float) args.real("hi") - lo)), tf.constant(lo));
  }
}
