package dev.nnc.stdlib.layers;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code bernoulli(p)}: 1 with probability {@code p}, else 0, for every value of {@code p} — the
 * sampling of binary units in RBMs. Drawn anew every step; no gradient flows through the draw.
 */
public final class Bernoulli extends TensorOpDefinition {
  public Bernoulli() {
    super("bernoulli", Kind.FUNCTION, "1 with probability p, else 0, drawn anew every step.", Signature.of(1));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) {
    return TensorType.floats(inputs.get(0).shape());
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> p = (Operand<TFloat32>) inputs.get(0);
    Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.shape(p), net.randomKey(), TFloat32.class);
    return tf.dtypes.cast(tf.math.less(u, p), TFloat32.class);
  }
}
