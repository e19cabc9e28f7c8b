package dev.nnc.stdlib.layers;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** The element-wise operators {@code + - * /} on tensors, with numpy broadcasting. */
public final class Arithmetic extends TensorOpDefinition {
  public static final Arithmetic ADD = new Arithmetic("add", "add");
  public static final Arithmetic SUB = new Arithmetic("sub", "subtract");
  public static final Arithmetic MUL = new Arithmetic("mul", "multiply");
  public static final Arithmetic DIV = new Arithmetic("div", "divide");

  private final String verb;
  private Arithmetic(String name, String verb) {
    super(name, Kind.FUNCTION, "Element-wise " + name + " with broadcasting.", Signature.of(2));
    this.verb = verb;
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType a = inputs.get(0);
    return a.withShape(Shapes.broadcast(verb, a, inputs.get(1)));
  }
}
