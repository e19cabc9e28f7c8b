package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * {@code normal(shape, mean: 0, std: 1)} and {@code uniform(shape, lo: 0, hi: 1)}: a tensor of random
 * values drawn anew every step — one of {@code shape} per record of the batch
 * ({@code float[batch, ...shape]}); where there is no batch of data, {@code count:} says how many
 * records the draw makes (a batch of its own).
 */
public final class RandomDraw extends TensorOpDefinition {
  /** {@code count: 0}, the default, means one draw per record of the batch. */
  public static final long PER_RECORD = 0;

  public static final RandomDraw NORMAL = new RandomDraw("normal",
      "Random values from a normal distribution, drawn anew every step.",
      named("mean", ParamType.FLOAT, 0.0), named("std", ParamType.POSITIVE_FLOAT, 1.0));
  public static final RandomDraw UNIFORM = new RandomDraw("uniform",
      "Random values spread evenly over [lo, hi), drawn anew every step.",
      named("lo", ParamType.FLOAT, 0.0), named("hi", ParamType.FLOAT, 1.0));

  private RandomDraw(String name, String doc, Param first, Param second) {
    super(name, Kind.FUNCTION, doc, Signature.of(0, required("shape", ParamType.INT_LIST), first, second,
        named("count", ParamType.NON_NEGATIVE_INT, PER_RECORD)));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    if (this == UNIFORM && args.real("lo") >= args.real("hi")) {
      throw new ShapeException("uniform needs lo < hi, found " + args.real("lo") + " and " + args.real("hi"));
    }
    return TensorType.floats(TensorShape.of(args.integers("shape")).batched());
  }
}
