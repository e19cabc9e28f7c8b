package dev.nnc.stdlib.layers;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** The element-wise tensor functions {@code exp log sqrt abs square sign stop_gradient}: one value in, one out, same shape. */
public final class ElementwiseMath extends TensorOpDefinition {
  public static final ElementwiseMath EXP = new ElementwiseMath("exp", "e to the power of each value.");
  public static final ElementwiseMath LOG = new ElementwiseMath("log", "The natural logarithm of each value.");
  public static final ElementwiseMath SQRT = new ElementwiseMath("sqrt", "The square root of each value.");
  public static final ElementwiseMath ABS = new ElementwiseMath("abs", "The absolute value of each value.");
  public static final ElementwiseMath SQUARE = new ElementwiseMath("square", "Each value squared.");
  /** -1, 0 or 1 by the sign of each value: the units of a Hopfield network. */
  public static final ElementwiseMath SIGN = new ElementwiseMath("sign", "-1, 0 or 1 by the sign of each value.");

  /** The value itself, through which no gradient flows: a target computed from the model's own output. */
  public static final ElementwiseMath STOP_GRADIENT =
      new ElementwiseMath("stop_gradient", "The value itself, with no gradient flowing back through it.");

  private ElementwiseMath(String name, String doc) {
    super(name, Kind.FUNCTION, doc, Signature.of(1));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) {
    return TensorType.floats(inputs.get(0).shape());
  }
}
