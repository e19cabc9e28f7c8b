package dev.nnc.stdlib.layers;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** {@code global_avgpool}: the mean over height and width, {@code [h, w, c] -> [c]}. */
public final class GlobalAvgPool extends TensorOpDefinition {
  public GlobalAvgPool() {
    super("global_avgpool", Kind.LAYER, "The mean over height and width: [h, w, c] -> [c].", Signature.of(1));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    Shapes.requireRank("global_avgpool", x, 4, "[batch, height, width, channels]", null);
    return x.withShape(TensorShape.of(x.shape().dim(0), x.shape().dim(3)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    return tf.math.mean((Operand<TFloat32>) inputs.get(0), tf.constant(new int[] {1, 2}));
  }
}
