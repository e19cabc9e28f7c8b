package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.runtime.graph.Net;
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
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * {@code normal(shape, mean: 0, std: 1)} and {@code uniform(shape, lo: 0, hi: 1)}: a tensor of random
 * values drawn anew every step — one of {@code shape} per record of the batch
 * ({@code float[batch, ...shape]}); where there is no batch of data, {@code count:} says how many
 * records the draw makes (a batch of its own).
 */
public final class RandomDraw extends TensorOpDefinition {
  /** {@code count: 0}, the default, means one draw per record of the batch. */
  private static final long PER_RECORD = 0;

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

  @Override
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    long count = args.integer("count");
    Operand<TInt64> records = count == PER_RECORD
        ? tf.reshape(net.batchSize(), tf.constant(new long[] {1}))
        : tf.constant(new long[] {count});
    Operand<TInt64> shape = tf.concat(List.of(records, tf.constant(args.integers("shape"))), tf.constant(0));
    if (this == NORMAL) {
      Operand<TFloat32> z = tf.random.statelessRandomNormal(shape, net.randomKey(), TFloat32.class);
      return tf.math.add(tf.math.mul(z, tf.constant((float) args.real("std"))), tf.constant((float) args.real("mean")));
    }
    Operand<TFloat32> u = tf.random.statelessRandomUniform(shape, net.randomKey(), TFloat32.class);
    float lo = (float) args.real("lo");
    return tf.math.add(tf.math.mul(u, tf.constant((float) args.real("hi") - lo)), tf.constant(lo));
  }
}
