package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.named;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.stdlib.spec.WeightSpec;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/** {@code layernorm}: each record normalised over its last axis, then scaled and shifted (Keras LayerNormalization). */
public final class LayerNorm extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(1, named("epsilon", ParamType.POSITIVE_FLOAT, 1e-3));

  public LayerNorm() {
    super("layernorm", Kind.LAYER, "Normalises each record over its last axis, then scales and shifts.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    Shapes.knownLast("layernorm", inputs.get(0));
    return inputs.get(0);
  }

  @Override
  public List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    TensorShape features = TensorShape.of(inputs.get(0).shape().last().sizeOr(-1));
    return List.of(new WeightSpec("gamma", features, true, "ones"), new WeightSpec("beta", features, true, "zeros"));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    var last = tf.constant(new int[] {-1});
    Operand<TFloat32> mean = tf.math.mean(x, last, Mean.keepDims(true));
    Operand<TFloat32> centered = tf.math.sub(x, mean);
    Operand<TFloat32> variance = tf.math.mean(tf.math.square(centered), last, Mean.keepDims(true));
    Operand<TFloat32> normal =
        tf.math.mul(centered, tf.math.rsqrt(tf.math.add(variance, tf.constant((float) args.real("epsilon")))));
    return tf.math.add(tf.math.mul(normal, (Operand<TFloat32>) w.get("gamma")), (Operand<TFloat32>) w.get("beta"));
  }
}
