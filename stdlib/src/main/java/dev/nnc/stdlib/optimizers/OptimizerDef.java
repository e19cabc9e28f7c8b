package dev.nnc.stdlib.optimizers;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.optional;

import dev.nnc.runtime.train.OptimizerFactory;
import dev.nnc.runtime.train.OptimizerSpec;
import dev.nnc.runtime.train.optimizers.AdaDelta;
import dev.nnc.runtime.train.optimizers.AdaGrad;
import dev.nnc.runtime.train.optimizers.Adam;
import dev.nnc.runtime.train.optimizers.Adamax;
import dev.nnc.runtime.train.optimizers.Momentum;
import dev.nnc.runtime.train.optimizers.Nadam;
import dev.nnc.runtime.train.optimizers.RmsProp;
import dev.nnc.runtime.train.optimizers.Sgd;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The optimizers, with Keras's defaults. Each is a signature and a way to make the optimizer from
 * its arguments; the learning rate {@code lr}, first, may be a number or a schedule
 * ({@link ScheduleDef}).
 */
public final class OptimizerDef extends ConfiguredBuiltin<OptimizerSpec> {
  public static final OptimizerDef SGD =
      new OptimizerDef("sgd", "Plain stochastic gradient descent.", 0.01, List.of(), args -> 0,
          args -> Sgd::new);
  public static final OptimizerDef MOMENTUM =
      new OptimizerDef("momentum", "Gradient descent with momentum.", 0.01,
          List.of(optional("momentum", ParamType.RATE, 0.9)), args -> 1,
          args -> (graph, inputs) -> new Momentum(graph, inputs, args.real("momentum"), false));
  public static final OptimizerDef NESTEROV =
      new OptimizerDef("nesterov", "Gradient descent with Nesterov momentum.", 0.01,
          List.of(optional("momentum", ParamType.RATE, 0.9)), args -> 1,
          args -> (graph, inputs) -> new Momentum(graph, inputs, args.real("momentum"), true));
  public static final OptimizerDef ADAM =
      new OptimizerDef("adam", "Adam: adaptive moment estimation.", 0.001, betasAndEpsilon(), args -> 2,
          args -> (graph, inputs) -> new Adam(graph, inputs, args.real("beta1"), args.real("beta2"),
              args.real("epsilon")));
  public static final OptimizerDef ADAMAX =
      new OptimizerDef("adamax", "Adamax: Adam with the infinity norm.", 0.001, betasAndEpsilon(), args -> 2,
          args -> (graph, inputs) -> new Adamax(graph, inputs, args.real("beta1"), args.real("beta2"),
              args.real("epsilon")));
  public static final OptimizerDef NADAM =
      new OptimizerDef("nadam", "Nadam: Adam with Nesterov momentum.", 0.001, betasAndEpsilon(), args -> 2,
          args -> (graph, inputs) -> new Nadam(graph, inputs, args.real("beta1"), args.real("beta2"),
              args.real("epsilon")));
  public static final OptimizerDef ADADELTA =
      new OptimizerDef("adadelta", "Adadelta: steps scaled by past steps and gradients.", 0.001,
          List.of(optional("rho", ParamType.RATE, 0.95), epsilon()), args -> 2,
          args -> (graph, inputs) -> new AdaDelta(graph, inputs, args.real("rho"), args.real("epsilon")));
  public static final OptimizerDef ADAGRAD =
      new OptimizerDef("adagrad", "Adagrad: steps scaled by the root of all past squared gradients.", 0.001,
          List.of(named("initial_accumulator", ParamType.NON_NEGATIVE_FLOAT, 0.1), epsilon()), args -> 1,
          args -> (graph, inputs) -> new AdaGrad(graph, inputs, args.real("initial_accumulator"),
              args.real("epsilon")));
  public static final OptimizerDef RMSPROP =
      new OptimizerDef("rmsprop", "RMSprop: steps scaled by a moving root mean square of the gradients.", 0.001,
          List.of(optional("rho", ParamType.RATE, 0.9), optional("momentum", ParamType.RATE, 0.0), epsilon(),
              named("centered", ParamType.BOOL, false)), args -> args.bool("centered") ? 3 : 2,
          args -> (graph, inputs) -> new RmsProp(graph, inputs, args.real("rho"), args.real("momentum"),
              args.real("epsilon"), args.bool("centered")));

  private final ToIntFunction<Args> slots;

  /**
   * @param lr the default learning rate, the first parameter of every optimizer
   * @param params the parameters after {@code lr}
   * @param slots how many values the optimizer keeps per trainable weight, as its runtime class creates them
   */
  private OptimizerDef(String name, String doc, double lr, List<Param> params, ToIntFunction<Args> slots,
      Function<Args, OptimizerFactory> factory) {
    super(name, Kind.OPTIMIZER, doc, signature(lr, params),
        args -> new OptimizerSpec(factory.apply(args), ScheduleDef.learningRate(args, "lr")));
    this.slots = slots;
  }

  /** The number of slot variables, each the size of the weight, the optimizer keeps per trainable weight. */
  public int slots(Args args) {
    return slots.applyAsInt(args);
  }

  private static Signature signature(double lr, List<Param> params) {
    List<Param> all = new ArrayList<>();
    all.add(optional("lr", ParamType.LEARNING_RATE, lr));
    all.addAll(params);
    return new Signature(0, all);
  }

  private static List<Param> betasAndEpsilon() {
    return List.of(optional("beta1", ParamType.RATE, 0.9), optional("beta2", ParamType.RATE, 0.999), epsilon());
  }

  private static Param epsilon() {
    return named("epsilon", ParamType.POSITIVE_FLOAT, 1e-7);
  }
}
