package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** {@code dropout(rate)}: zeroes a fraction of the values while training, scaling the rest (inverted dropout). */
public final class Dropout extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(1, required("rate", ParamType.RATE));

  public Dropout() {
    super("dropout", Kind.LAYER, "Drops each value with probability `rate` while training; the identity otherwise.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) {
    return inputs.get(0);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    // keep = 1 - rate while training and exactly 1 otherwise, so floor(keep + U[0,1)) is a Bernoulli
    // mask in training and all ones at inference: no conditional op in the graph.
    Operand<TFloat32> training = tf.dtypes.cast(net.training(), TFloat32.class);
    Operand<TFloat32> keep =
        tf.math.sub(tf.constant(1f), tf.math.mul(training, tf.constant((float) args.real("rate"))));
    Operand<TFloat32> noise = tf.random.statelessRandomUniform(tf.shape(x), net.randomKey(), TFloat32.class);
    Operand<TFloat32> mask = tf.math.floor(tf.math.add(keep, noise));
    return tf.math.div(tf.math.mul(x, mask), keep);
  }
}
