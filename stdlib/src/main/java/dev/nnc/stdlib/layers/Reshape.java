package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code reshape([d1, d2, ...])}: a new record shape with the same number of elements; one size may
 * be -1, the one that makes the counts agree (as in NumPy), which must be known at compile time.
 * A function, so both {@code x -> reshape([7, 7, 64])} and {@code reshape(x, [s, heads, k])} work.
 */
public final class Reshape extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(1, required("shape", ParamType.INTS));

  public Reshape() {
    super("reshape", Kind.FUNCTION,
        "Gives each record a new shape with the same number of elements; one size may be -1.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    return x.withShape(TensorShape.of(recordShape(args, x)).prepend(x.shape().dim(0)));
  }

  /** The new record shape with its -1 replaced by the size that keeps the element count. */
  public static long[] recordShape(Args args, TensorType x) throws ShapeException {
    long[] shape = args.integers("shape").clone();
    long have = x.shape().unbatched().elements();
    int free = -1;
    long product = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == -1 && free < 0) {
        free = i;
      } else if (shape[i] < 1) {
        throw new ShapeException("reshape's shape " + Arrays.toString(shape) + " has the size " + shape[i] + " at "
            + i, "sizes are positive, and one of them may be -1");
      } else {
        product *= shape[i];
      }
    }
    if (free >= 0) {
      if (have < 0 || have % product != 0) {
        throw new ShapeException(
            "cannot reshape " + x + " to " + Arrays.toString(shape) + ": "
                + (have < 0 ? "its record size is not known at compile time" : have + " elements per record are not a multiple of " + product),
            have < 0 ? "give every size instead of -1" : "the known sizes must divide " + have);
      }
      shape[free] = have / product;
      product *= shape[free];
    }
    if (have >= 0 && have != product) {
      throw new ShapeException(
          "cannot reshape " + x + " to " + TensorShape.of(shape).batched() + ": " + have + " elements per record, "
              + "not " + product,
          "the sizes of the new shape must multiply to " + have);
    }
    return shape;
  }
}
