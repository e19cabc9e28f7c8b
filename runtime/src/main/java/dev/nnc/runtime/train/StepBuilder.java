package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What the generated code of a {@code step} or {@code every} block builds its statements on: the
 * batch's fields, the job's models (each application sharing the model's weights) and their raw
 * parameters; each statement is recorded, in order, as an {@link Action} for the trainer to run.
 */
public final class StepBuilder {
  private final Net net;
  private final Map<String, Operand<?>> fields;
  private final List<Action> actions = new ArrayList<>();

  StepBuilder(Net net, Map<String, Operand<?>> fields) {
    this.net = net;
    this.fields = fields;
  }

  /** The scope the block's own ops are built in. */
  public Net net() {
    return net;
  }

  /** The batch's values of data field {@code name}. */
  public Operand<?> field(String name) {
    Operand<?> field = fields.get(name);
    if (field == null) {
      throw new IllegalArgumentException("no data field " + name + " here; there are " + fields.keySet());
    }
    return field;
  }

  /** The scope to apply model {@code model} in: every application shares the model's weights. */
  public Net in(String model) {
    return net.application(model);
  }

  /** Raw parameter {@code param} of model {@code model}, as it is when the statement runs. */
  public Operand<TFloat32> param(String model, String param) {
    return weight(model, param).read();
  }

  /** {@code minimize g, d: loss with optimizer}. */
  public void minimize(List<String> models, Operand<?> loss, OptimizerSpec optimizer) {
    actions.add(new Action.Minimize(List.copyOf(models), floats(loss), optimizer,
        "the loss minimized for " + String.join(", ", models), false));
  }

  /** {@code update r.w += value} ({@code how} is {@code "+="}, {@code "-="} or {@code "="}). */
  public void update(String model, String param, String how, Operand<?> value) {
    actions.add(new Action.Update(weight(model, param), Action.Assign.of(how), floats(value)));
  }

  /** {@code report name: value}, averaged over the batch if it is not a scalar. */
  public void report(String name, Operand<?> value) {
    Operand<TFloat32> v = floats(value);
    int rank = v.shape().numDimensions();
    if (rank > 0) {
      v = net.tf().math.mean(v, net.tf().constant(java.util.stream.IntStream.range(0, rank).toArray()));
    }
    actions.add(new Action.Report(name, v, Metric.Aggregation.MEAN));
  }

  /**
   * {@code sync target: source, tau: t}: every weight of model {@code target} set to that of
   * {@code source}, or moved the fraction {@code tau} of the way ({@link dev.nnc.runtime.rl.TargetSync}).
   */
  public void sync(String target, String source, double tau) {
    actions.add(new Action.Sync(dev.nnc.runtime.rl.TargetSync.build(net.tf().withSubScope("sync_" + target),
        net.weightsOf(target), net.weightsOf(source), tau)));
  }

  /** {@code image_grid(images, path)}; {@code {step}} and {@code {epoch}} in the path are filled in. */
  public void imageGrid(Operand<?> images, String path) {
    actions.add(new Action.ImageGrid(floats(images), path));
  }

  List<Action> actions() {
    return Collections.unmodifiableList(actions);
  }

  private Net.Weight weight(String model, String param) {
    String name = model + "/" + param;
    return net.weightNamed(name).orElseThrow(() -> new IllegalArgumentException("model " + model + " has no weight " + param));
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> floats(Operand<?> value) {
    if (value.type() != TFloat32.class) {
      throw new IllegalArgumentException("expected float values, found " + value.type().getSimpleName());
    }
    return (Operand<TFloat32>) value;
  }

  /** One statement of a step or an {@code every} block, as the trainer runs it. */
  sealed interface Action {
    /**
     * {@code what} names the loss where it becomes NaN or infinite. The update ops of the models
     * (batch-norm statistics) run with it: those of the applications the loss goes through, or with
     * {@code everyUpdate} all of them, as a declarative job's one application of its model does.
     */
    record Minimize(List<String> models, Operand<TFloat32> loss, OptimizerSpec optimizer, String what,
        boolean everyUpdate) implements Action {}

    record Update(Net.Weight weight, Assign how, Operand<TFloat32> value) implements Action {}

    /** A batch's mean, or with {@link Metric.Aggregation#RATIO} a ratio's numerator and denominator ({@code float[2]}). */
    record Report(String name, Operand<TFloat32> value, Metric.Aggregation aggregation) implements Action {}

    record ImageGrid(Operand<TFloat32> images, String path) implements Action {}

    /** The one op of a {@code sync}, which sets every weight of one model from another's. */
    record Sync(org.tensorflow.op.Op op) implements Action {}

    enum Assign {
      ADD, SUBTRACT, SET;

      static Assign of(String how) {
        return switch (how) {
          case "+=" -> ADD;
          case "-=" -> SUBTRACT;
          case "=" -> SET;
          default -> throw new IllegalArgumentException("no assignment " + how);
        };
      }
    }
  }
}
