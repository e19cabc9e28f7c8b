package dev.nnc.stdlib.optimizers;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.optional;

import dev.nnc.runtime.train.OptimizerFactory;
import dev.nnc.stdlib.Builtin;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import java.util.function.Function;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.GradientDescent;
import org.tensorflow.framework.optimizers.Momentum;

/**
 * The optimizers, with Keras's defaults. Each is a signature and a way to make the TF Java
 * framework optimizer from its arguments.
 */
public final class OptimizerDef implements Builtin {
  public static final OptimizerDef SGD =
      new OptimizerDef("sgd", "Plain stochastic gradient descent.",
          Signature.of(0, optional("lr", ParamType.POSITIVE_FLOAT, 0.01)),
          args -> graph -> new GradientDescent(graph, (float) args.real("lr")));
  public static final OptimizerDef MOMENTUM =
      new OptimizerDef("momentum", "Gradient descent with momentum.",
          Signature.of(0, optional("lr", ParamType.POSITIVE_FLOAT, 0.01), optional("momentum", ParamType.RATE, 0.9)),
          args -> graph -> new Momentum(graph, (float) args.real("lr"), (float) args.real("momentum"), false));
  public static final OptimizerDef ADAM =
      new OptimizerDef("adam", "Adam: adaptive moment estimation.",
          Signature.of(
              0,
              optional("lr", ParamType.POSITIVE_FLOAT, 0.001),
              optional("beta1", ParamType.RATE, 0.9),
              optional("beta2", ParamType.RATE, 0.999),
              named("epsilon", ParamType.POSITIVE_FLOAT, 1e-7)),
          args -> graph -> new Adam(graph, (float) args.real("lr"), (float) args.real("beta1"),
              (float) args.real("beta2"), (float) args.real("epsilon")));

  private final String name;
  private final String doc;
  private final Signature signature;
  private final Function<Args, OptimizerFactory> factory;

  private OptimizerDef(String name, String doc, Signature signature, Function<Args, OptimizerFactory> factory) {
    this.name = name;
    this.doc = doc;
    this.signature = signature;
    this.factory = factory;
  }

  /** What generated code calls: {@code OptimizerDef.ADAM.with("lr", 1e-3)}. */
  public OptimizerFactory with(Object... namesAndValues) {
    return factory.apply(Args.of(signature, namesAndValues));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Kind kind() {
    return Kind.OPTIMIZER;
  }

  @Override
  public Signature signature() {
    return signature;
  }

  @Override
  public String doc() {
    return doc;
  }
}
