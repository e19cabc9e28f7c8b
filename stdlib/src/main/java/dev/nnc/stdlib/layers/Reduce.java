package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.optional;

import dev.nnc.runtime.graph.Net;
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
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code mean sum max min (x, axis: a)}: a reduction over one axis (counted on the full shape, batch
 * included, as in Keras), or over every value when no axis is given.
 */
public final class Reduce extends TensorOpDefinition {
  /** The axis default: reduce over all axes, giving a scalar. */
  private static final String ALL = "all";
  private static final Signature SIGNATURE = Signature.of(1, optional("axis", ParamType.INT, ALL));

  public static final Reduce MEAN = new Reduce("mean", "The mean along an axis, or of every value.", Form.MEAN);
  public static final Reduce SUM = new Reduce("sum", "The sum along an axis, or of every value.", Form.SUM);
  public static final Reduce MAX = new Reduce("max", "The maximum along an axis, or of every value.", Form.MAX);
  public static final Reduce MIN = new Reduce("min", "The minimum along an axis, or of every value.", Form.MIN);

  private enum Form { MEAN, SUM, MAX, MIN }

  private final Form form;

  private Reduce(String name, String doc, Form form) {
    super(name, Kind.FUNCTION, doc, SIGNATURE);
    this.form = form;
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

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    int rank = x.shape().numDimensions();
    Operand<org.tensorflow.types.TInt32> axes;
    if (args.isGiven("axis")) {
      long axis = args.integer("axis");
      axes = tf.constant(new int[] {(int) (axis < 0 ? rank + axis : axis)});
    } else {
      int[] all = new int[rank];
      for (int i = 0; i < rank; i++) {
        all[i] = i;
      }
      axes = tf.constant(all);
    }
    return switch (form) {
      case MEAN -> tf.math.mean(x, axes);
      case SUM -> tf.sum(x, axes);
      case MAX -> tf.max(x, axes);
      case MIN -> tf.min(x, axes);
    };
  }
}
