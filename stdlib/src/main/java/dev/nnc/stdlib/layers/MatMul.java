package dev.nnc.stdlib.layers;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code a @ b}, as {@code tf.linalg.matmul} and NumPy's: the product of the last two axes, the
 * leading axes broadcast ({@code float[batch, heads, s, k] @ float[batch, heads, k, t]} is
 * {@code float[batch, heads, s, t]}; a parameter {@code float[d, e]} multiplies every record of
 * {@code float[batch, s, d]}). A 1-D operand is a vector: a row on the left, a column on the right,
 * and its axis is dropped from the result.
 */
public final class MatMul extends TensorOpDefinition {
  public MatMul() {
    super("matmul", Kind.FUNCTION,
        "The matrix product a @ b of the last two axes, the leading axes broadcast (tf.linalg.matmul).",
        Signature.of(2));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType a = inputs.get(0);
    TensorType b = inputs.get(1);
    if (a.rank() == 0 || b.rank() == 0) {
      throw new ShapeException("matmul (@) needs tensors of rank 1 or more, found " + a + " and " + b,
          "multiply by a number with `*`");
    }
    List<Dim> left = new ArrayList<>(a.shape().dims());
    List<Dim> right = new ArrayList<>(b.shape().dims());
    boolean rowVector = left.size() == 1;
    boolean columnVector = right.size() == 1;
    if (rowVector) {
      left.add(0, Dim.of(1));
    }
    if (columnVector) {
      right.add(Dim.of(1));
    }
    Dim inner = left.get(left.size() - 1);
    Dim innerRight = right.get(right.size() - 2);
    if (!inner.equals(innerRight)) {
      throw new ShapeException(
          "cannot multiply " + a + " by " + b,
          "axis " + (a.rank() - 1) + " of the left is " + inner + " but axis " + Math.max(0, b.rank() - 2)
              + " of the right is " + innerRight + "; the last axis of the left must equal the"
              + " second-to-last of the right");
    }
    TensorShape leading;
    try {
      leading = Shapes.broadcast("multiply",
          a.withShape(new TensorShape(left.subList(0, left.size() - 2))),
          b.withShape(new TensorShape(right.subList(0, right.size() - 2))));
    } catch (ShapeException e) {
      throw new ShapeException("cannot multiply " + a + " by " + b + ": their leading axes do not broadcast",
          e.help());
    }
    List<Dim> out = new ArrayList<>(leading.dims());
    if (!rowVector) {
      out.add(left.get(left.size() - 2));
    }
    if (!columnVector) {
      out.add(right.get(right.size() - 1));
    }
    return a.withShape(new TensorShape(out));
  }
}
