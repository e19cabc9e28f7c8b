package dev.nnc.stdlib.layers;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** The comparisons {@code > < >= <= == !=} on tensors, element-wise with broadcasting, giving {@code bool}. */
public final class Comparison extends TensorOpDefinition {
  public static final Comparison GREATER = new Comparison("greater", ">");
  public static final Comparison LESS = new Comparison("less", "<");
  public static final Comparison GREATER_EQUAL = new Comparison("greater_equal", ">=");
  public static final Comparison LESS_EQUAL = new Comparison("less_equal", "<=");
  public static final Comparison EQUAL = new Comparison("equal", "==");
  public static final Comparison NOT_EQUAL = new Comparison("not_equal", "!=");
  public static final List<Comparison> ALL = List.of(GREATER, LESS, GREATER_EQUAL, LESS_EQUAL, EQUAL, NOT_EQUAL);

  private final String symbol;

  private Comparison(String name, String symbol) {
    super(name, Kind.FUNCTION, "a " + symbol + " b element-wise with broadcasting, a bool tensor.", Signature.of(2));
    this.symbol = symbol;
  }

  /** The operator this comparison is written as: {@code >} for greater. */
  public String symbol() {
    return symbol;
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType a = inputs.get(0);
    TensorType b = inputs.get(1);
    if (a.element() == ElementType.BOOL || b.element() == ElementType.BOOL) {
      throw new ShapeException("`" + symbol + "` compares numbers, found " + a + " and " + b);
    }
    return new TensorType(ElementType.BOOL, Shapes.broadcast("compare", a, b));
  }
}
