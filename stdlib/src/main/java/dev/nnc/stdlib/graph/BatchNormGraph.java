package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.BatchNorm;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link BatchNorm}. */
final class BatchNormGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    int rank = x.shape().numDimensions();
    int[] axes = new int[rank - 1];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    var reduce = tf.constant(axes);
    Operand<TFloat32> batchMean = tf.math.mean(x, reduce);
    // As tf.nn.moments: the variance around the stopped mean, so its gradient flows through x only.
    Operand<TFloat32> batchVariance =
        tf.math.mean(tf.math.squaredDifference(x, tf.stopGradient(batchMean)), reduce);
    Operand<TFloat32> movingMean = (Operand<TFloat32>) w.get("moving_mean");
    Operand<TFloat32> movingVariance = (Operand<TFloat32>) w.get("moving_variance");

    float momentum = (float) args.real("momentum");
    net.addUpdate(movingAverage(net, movingMean, batchMean, momentum), batchMean);
    net.addUpdate(movingAverage(net, movingVariance, batchVariance, momentum), batchVariance);

    // Blend by the training flag (1 or 0) rather than branching: no conditional op, one graph.
    Operand<TFloat32> t = tf.dtypes.cast(net.training(), TFloat32.class);
    Operand<TFloat32> notT = tf.math.sub(tf.constant(1f), t);
    Operand<TFloat32> mean = tf.math.add(tf.math.mul(t, batchMean), tf.math.mul(notT, movingMean));
    Operand<TFloat32> variance =
        tf.math.add(tf.math.mul(t, batchVariance), tf.math.mul(notT, movingVariance));
    Operand<TFloat32> scale =
        tf.math.mul(
            (Operand<TFloat32>) w.get("gamma"),
            tf.math.rsqrt(tf.math.add(variance, tf.constant((float) args.real("epsilon")))));
    Operand<TFloat32> shift = tf.math.sub((Operand<TFloat32>) w.get("beta"), tf.math.mul(mean, scale));
    return tf.math.add(tf.math.mul(x, scale), shift);
  }

  /** {@code moving = moving * momentum + batch * (1 - momentum)}, run with each training step. */
  private static org.tensorflow.op.Op movingAverage(
      Net net, Operand<TFloat32> read, Operand<TFloat32> batch, float momentum) {
    Ops tf = net.tf();
    Variable<TFloat32> variable =
        net.weights().stream()
            .filter(weight -> weight.read() == read)
            .findFirst()
            .orElseThrow()
            .variable();
    Operand<TFloat32> delta =
        tf.math.mul(tf.math.sub(read, tf.stopGradient(batch)), tf.constant(1f - momentum));
    return tf.assignSub(variable, delta);
  }
}
