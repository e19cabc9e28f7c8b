package dev.nnc.stdlib.layers;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The element-wise operators {@code + - * /} on tensors, with numpy broadcasting. */
public final class Arithmetic extends TensorOpDefinition {
  public static final Arithmetic ADD = new Arithmetic("add", "add", Form.ADD);
  public static final Arithmetic SUB = new Arithmetic("sub", "subtract", Form.SUB);
  public static final Arithmetic MUL = new Arithmetic("mul", "multiply", Form.MUL);
  public static final Arithmetic DIV = new Arithmetic("div", "divide", Form.DIV);

  private enum Form { ADD, SUB, MUL, DIV }

  private final String verb;
  private final Form form;

  private Arithmetic(String name, String verb, Form form) {
    super(name, Kind.FUNCTION, "Element-wise " + name + " with broadcasting.", Signature.of(2));
    this.verb = verb;
    this.form = form;
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType a = inputs.get(0);
    return a.withShape(Shapes.broadcast(verb, a, inputs.get(1)));
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> a = (Operand<TFloat32>) inputs.get(0);
    Operand<TFloat32> b = (Operand<TFloat32>) inputs.get(1);
    return switch (form) {
      case ADD -> tf.math.add(a, b);
      case SUB -> tf.math.sub(a, b);
      case MUL -> tf.math.mul(a, b);
      case DIV -> tf.math.div(a, b);
    };
  }
}
