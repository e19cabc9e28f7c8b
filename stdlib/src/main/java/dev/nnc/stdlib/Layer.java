package dev.nnc.stdlib;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.graph.GraphBuilders;
import dev.nnc.stdlib.graph.Outputs;
import dev.nnc.stdlib.graph.RatioParts;
import dev.nnc.stdlib.init.Initializers;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.stdlib.spec.WeightSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A built-in with its arguments, as generated code uses it: {@code Layer.of(Builtins.DENSE, "units",
 * 10).apply(net, x)}. The weights are created on the first {@link #apply}, from the input's shape
 * (as in Keras), and reused by every later one — binding a layer once and applying it twice shares
 * its weights.
 */
public final class Layer {
  private final TensorOp op;
  private final Args args;
  private Net scope;
  private Map<String, Operand<?>> weights;

  private Layer(TensorOp op, Args args) {
    this.op = op;
    this.args = args;
  }

  public static Layer of(TensorOp op, Object... namesAndValues) {
    return new Layer(op, Args.of(op.signature(), namesAndValues));
  }

  /** The built-in's result on {@code inputs}. */
  public Operand<?> apply(Net net, Operand<?>... inputs) {
    return outputs(net, inputs).main();
  }

  /**
   * Every result of the built-in on {@code inputs}, by name: the main one first, then any others
   * (a recurrent layer's final {@code h}, an LSTM's {@code c}). Tensors given by name
   * ({@code "initial", List.of(h, c)}) follow {@code inputs}.
   */
  public Outputs outputs(Net net, Operand<?>... inputs) {
    List<Operand<?>> operands = new ArrayList<>(Arrays.asList(inputs));
    for (Param param : op.signature().tensorParams()) {
      for (Object tensor : (List<?>) args.get(param.name())) {
        operands.add((Operand<?>) tensor);
      }
    }
    if (weights == null) {
      List<WeightSpec> specs = op.weights(definitionArgs(), typesOf(operands));
      scope = specs.isEmpty() ? net : net.scope(op.name());
      weights = new LinkedHashMap<>();
      for (WeightSpec spec : specs) {
        Shape shape = Shape.of(spec.shape().sizes());
        weights.put(
            spec.name(),
            scope.weight(spec.name(), shape, Initializers.of(spec.initializer(), spec.shape()), spec.trainable()));
      }
    }
    return GraphBuilders.of(op).build(scope, args, operands, weights);
  }

  /**
   * The arguments as the definition reads them, which knows no TensorFlow: a tensor argument
   * ({@code attention(..., context: memory)}, an operand here) as its type, as the checker gave it.
   */
  private Args definitionArgs() {
    Map<String, Object> given = new LinkedHashMap<>(args.given());
    given.replaceAll((name, value) -> value instanceof Operand<?> operand ? typeOf(operand) : value);
    return new Args(op.signature(), given);
  }

  /**
   * The batch's numerator and denominator of a ratio metric ({@code precision}), which a job sums
   * over the epoch; metrics own no weights.
   */
  public Operand<TFloat32> ratio(Net net, Operand<?>... inputs) {
    return ((RatioParts) GraphBuilders.of(op)).parts(net, args, Arrays.asList(inputs));
  }

  /** A number used as a tensor ({@code 0.5 * x}, {@code bce(p, 1)}): a float scalar that broadcasts. */
  public static Operand<TFloat32> constant(Net net, double value) {
    return net.tf().constant((float) value);
  }

  /**
   * A raw parameter of a model ({@code param w: float[4, 2] = normal(0, 0.01)}): a trainable weight
   * named after it, in the model's scope.
   */
  public static Operand<TFloat32> param(Net net, String name, long[] shape, Object initializer) {
    return net.weight(name, Shape.of(shape), Initializers.of(initializer, TensorShape.of(shape)), true);
  }

  /** Float32 view of a layer's result, for the places (model outputs) that need one. */
  @SuppressWarnings("unchecked")
  public static Operand<TFloat32> floats(Operand<?> operand) {
    return (Operand<TFloat32>) operand;
  }

  static List<TensorType> typesOf(List<Operand<?>> operands) {
    List<TensorType> types = new ArrayList<>();
    for (Operand<?> operand : operands) {
      types.add(typeOf(operand));
    }
    return types;
  }

  /** The checker's view of a built operand: unknown sizes (the batch) become symbols. */
  public static TensorType typeOf(Operand<?> operand) {
    Shape shape = operand.shape();
    List<Dim> dims = new ArrayList<>();
    for (int i = 0; i < shape.numDimensions(); i++) {
      long size = shape.size(i);
      dims.add(size < 0 ? (i == 0 ? Dim.BATCH : Dim.symbol("?")) : Dim.of(size));
    }
    ElementType element = operand.type() == TInt32.class ? ElementType.INT
        : operand.type() == TBool.class ? ElementType.BOOL : ElementType.FLOAT;
    return new TensorType(element, new TensorShape(dims));
  }
}
