package dev.nnc.stdlib.layers;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** {@code a @ b}: the matrix product of two rank-2 tensors. */
public final class MatMul extends TensorOpDefinition {
  public MatMul() {
    super("matmul", Kind.FUNCTION, "The matrix product a @ b of [m, k] and [k, n].", Signature.of(2));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType a = inputs.get(0);
    TensorType b = inputs.get(1);
    if (a.rank() != 2 || b.rank() != 2) {
      throw new ShapeException("matmul (@) expects two rank-2 tensors, found " + a + " and " + b);
    }
    if (!a.shape().dim(1).equals(b.shape().dim(0))) {
      throw new ShapeException(
          "cannot multiply " + a + " by " + b,
          "the inner dimensions differ: " + a.shape().dim(1) + " and " + b.shape().dim(0));
    }
    return a.withShape(TensorShape.of(a.shape().dim(0), b.shape().dim(1)));
  }
}
