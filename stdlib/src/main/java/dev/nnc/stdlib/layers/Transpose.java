package dev.nnc.stdlib.layers;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;

/**
 * {@code transpose(x)}: the axes in reverse order, batch included, as numpy's default:
 * {@code transpose(v) @ h} of {@code float[batch, 6]} and {@code float[batch, 3]} is {@code float[6, 3]}.
 */
public final class Transpose extends TensorOpDefinition {
  public Transpose() {
    super("transpose", Kind.FUNCTION, "The axes in reverse order, the batch axis included.", Signature.of(1));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) {
    List<Dim> dims = new ArrayList<>(inputs.get(0).shape().dims());
    Collections.reverse(dims);
    return inputs.get(0).withShape(new TensorShape(dims));
  }

  @Override
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    Operand<?> x = inputs.get(0);
    int rank = x.shape().numDimensions();
    int[] reversed = new int[rank];
    for (int i = 0; i < rank; i++) {
      reversed[i] = rank - 1 - i;
    }
    return tf.linalg.transpose(x, tf.constant(reversed));
  }
}
