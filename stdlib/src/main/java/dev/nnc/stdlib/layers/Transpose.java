package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.optional;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code transpose(x)}: the axes in reverse order, batch included, as numpy's default:
 * {@code transpose(v) @ h} of {@code float[batch, 6]} and {@code float[batch, 3]} is {@code float[6, 3]}.
 * {@code transpose(x, [0, 2, 1, 3])} permutes them: axis i of the result is axis perm[i] of x.
 */
public final class Transpose extends TensorOpDefinition {
  /** The default: no permutation given, reverse the axes. */
  private static final List<Long> REVERSE = List.of();

  public Transpose() {
    super("transpose", Kind.FUNCTION,
        "The axes in reverse order (the batch axis included), or permuted: transpose(x, [0, 2, 1]).",
        Signature.of(1, optional("perm", ParamType.INTS, REVERSE)));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    int[] perm = permutation(args, x.rank());
    List<Dim> dims = new ArrayList<>();
    for (int axis : perm) {
      dims.add(x.shape().dim(axis));
    }
    return x.withShape(new TensorShape(dims));
  }

  /** The permutation for a rank: the one given, checked to name every axis once, or the reversal. */
  public static int[] permutation(Args args, int rank) throws ShapeException {
    long[] given = args.integers("perm");
    int[] perm = new int[rank];
    if (given.length == 0) {
      Arrays.setAll(perm, i -> rank - 1 - i);
      return perm;
    }
    if (given.length != rank) {
      throw new ShapeException("transpose's permutation " + Arrays.toString(given) + " has " + given.length
          + " axes, the tensor " + rank, "list each of the axes 0.." + (rank - 1) + " once");
    }
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < rank; i++) {
      long axis = given[i];
      if (axis < 0 || axis >= rank || seen[(int) axis]) {
        throw new ShapeException("transpose's permutation " + Arrays.toString(given) + " is not a permutation of the "
            + rank + " axes: " + (axis < 0 || axis >= rank ? "axis " + axis + " is out of range" : "axis " + axis + " appears twice"),
            "list each of the axes 0.." + (rank - 1) + " once");
      }
      seen[(int) axis] = true;
      perm[i] = (int) axis;
    }
    return perm;
  }
}
