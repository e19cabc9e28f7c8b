package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** {@code maxout(k)}: the maximum of each group of k values of the last axis, {@code [.., d] -> [.., d / k]}. */
public final class Maxout extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(1, required("k", ParamType.SIZE));

  public Maxout() {
    super("maxout", Kind.FUNCTION, "The maximum of each group of k values of the last axis.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    long d = Shapes.knownLast("maxout", x);
    long k = args.integer("k");
    if (d % k != 0) {
      throw new ShapeException("maxout(" + k + ") needs a last axis divisible by " + k + ", found " + x,
          "make the layer before it " + (d / k + 1) * k + " wide");
    }
    return x.withShape(x.shape().withLast(Dim.of(d / k)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    long k = args.integer("k");
    long[] grouped = new long[x.shape().numDimensions() + 1];
    for (int i = 0; i < x.shape().numDimensions(); i++) {
      grouped[i] = i == 0 ? -1 : x.shape().size(i);
    }
    grouped[grouped.length - 2] /= k;
    grouped[grouped.length - 1] = k;
    return tf.max(tf.reshape(x, tf.constant(grouped)), tf.constant(-1));
  }
}
