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
import java.util.List;

/**
 * {@code mean sum max min std (x, axis: a)}: a reduction over one axis (counted on the full shape, batch
 * included, as in Keras), or over every value when no axis is given.
 */
public final class Reduce extends TensorOpDefinition {
  /** The axis default: reduce over all axes, giving a scalar. */
  private static final String ALL = "all";
  private static final Signature SIGNATURE = Signature.of(1, optional("axis", ParamType.INT, ALL));

  public static final Reduce MEAN = new Reduce("mean", "The mean along an axis, or of every value.");
  public static final Reduce SUM = new Reduce("sum", "The sum along an axis, or of every value.");
  public static final Reduce MAX = new Reduce("max", "The maximum along an axis, or of every value.");
  public static final Reduce MIN = new Reduce("min", "The minimum along an axis, or of every value.");
  /** The population deviation (NumPy's and TensorFlow's default, PyTorch's {@code unbiased=False}). */
  public static final Reduce STD = new Reduce("std", "The standard deviation along an axis, or of every value.");

  private Reduce(String name, String doc) {
    super(name, Kind.FUNCTION, doc, SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    if (!args.isGiven("axis")) {
      return TensorType.scalar();
    }
    int axis = Concat.normalizeAxis(args.integer("axis"), x.rank());
    List<Dim> dims = new ArrayList<>(x.shape().dims());
    dims.remove(axis);
    return TensorType.floats(new TensorShape(dims));
  }
}
