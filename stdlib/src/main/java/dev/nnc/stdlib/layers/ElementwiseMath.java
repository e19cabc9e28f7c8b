package dev.nnc.stdlib.layers;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The element-wise tensor functions {@code exp log sqrt abs square}: one value in, one out, same shape. */
public final class ElementwiseMath extends TensorOpDefinition {
  public static final ElementwiseMath EXP = new ElementwiseMath("exp", "e to the power of each value.", Form.EXP);
  public static final ElementwiseMath LOG = new ElementwiseMath("log", "The natural logarithm of each value.", Form.LOG);
  public static final ElementwiseMath SQRT = new ElementwiseMath("sqrt", "The square root of each value.", Form.SQRT);
  public static final ElementwiseMath ABS = new ElementwiseMath("abs", "The absolute value of each value.", Form.ABS);
  public static final ElementwiseMath SQUARE = new ElementwiseMath("square", "Each value squared.", Form.SQUARE);
  /** -1, 0 or 1 by the sign of each value: the units of a Hopfield network. */
  public static final ElementwiseMath SIGN = new ElementwiseMath("sign", "-1, 0 or 1 by the sign of each value.", Form.SIGN);

  private enum Form { EXP, LOG, SQRT, ABS, SQUARE, SIGN }

  private final Form form;

  private ElementwiseMath(String name, String doc, Form form) {
    super(name, Kind.FUNCTION, doc, Signature.of(1));
    this.form = form;
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) {
    return TensorType.floats(inputs.get(0).shape());
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    return switch (form) {
      case EXP -> tf.math.exp(x);
      case LOG -> tf.math.log(x);
      case SQRT -> tf.math.sqrt(x);
      case ABS -> tf.math.abs(x);
      case SQUARE -> tf.math.square(x);
      case SIGN -> tf.math.sign(x);
    };
  }
}
