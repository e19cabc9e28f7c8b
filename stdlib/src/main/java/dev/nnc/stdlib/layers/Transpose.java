package dev.nnc.stdlib.layers;

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
}
