package dev.nnc.runtime.train.optimizers;

import dev.nnc.runtime.train.OptimizerInputs;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * The base of nnc's optimizers. The framework's optimizers bake their learning rate into the graph
 * as a constant, so no schedule can change it, and Adam's kin advance their beta powers in ops that
 * race with the updates reading them. These read the rate and the step number that the trainer
 * feeds ({@link OptimizerInputs}) instead, and keep only the framework's slot bookkeeping.
 *
 * <p>Every weight of a model is float32, so subclasses see float32 gradients and variables.
 */
public abstract class FedOptimizer extends Optimizer {
  /** A per-weight variable of the optimizer (a moment, an accumulator) and the value it starts at. */
  protected record Slot(String name, float initial) {}

  private final String name;
  private final OptimizerInputs inputs;
  private final List<Slot> slots;

  protected FedOptimizer(Graph graph, String name, OptimizerInputs inputs, Slot... slots) {
    super(graph, name);
    this.name = name;
    this.inputs = inputs;
    this.slots = List.of(slots);
  }

  @Override
  public final String getOptimizerName() {
    return name;
  }

  /** The ops that update {@code variable} by {@code gradient}; {@code tf} runs after the gradients. */
  protected abstract Op update(Ops tf, Output<TFloat32> gradient, Output<TFloat32> variable);

  @Override
  @SuppressWarnings("unchecked")
  protected final <T extends TType> Op applyDense(Ops tf, Output<T> gradient, Output<T> variable) {
    return update(tf, (Output<TFloat32>) gradient, (Output<TFloat32>) variable);
  }

  @Override
  @SuppressWarnings("unchecked")
  protected final void createSlots(List<Output<? extends TType>> variables) {
    for (Output<? extends TType> variable : variables) {
      Output<TFloat32> weight = (Output<TFloat32>) variable;
      for (Slot slot : slots) {
        createSlot(weight, slot.name(),
            tf.fill(tf.constant(weight.shape().asArray()), tf.constant(slot.initial())));
      }
    }
  }

  /** The slot variable {@code name} of {@code variable}. */
  protected final Variable<TFloat32> slot(Output<TFloat32> variable, String name) {
    return getSlot(variable, name).orElseThrow();
  }

  /** The learning rate of the running step. */
  protected final Operand<TFloat32> learningRate() {
    return inputs.learningRate();
  }

  /** The running step's number, counting from 1. */
  protected final Operand<TFloat32> step() {
    return inputs.step();
  }

  /** {@code base} to the power of the step number: Adam's bias corrections. */
  protected final Operand<TFloat32> powerOfStep(double base) {
    return tf.math.pow(constant(tf, base), step());
  }

  protected static Operand<TFloat32> constant(Ops tf, double value) {
    return tf.constant((float) value);
  }
}
