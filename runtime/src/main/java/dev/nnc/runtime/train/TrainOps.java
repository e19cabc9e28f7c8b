package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.framework.optimizers.Optimizer.GradAndVar;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * The ops of a training step: {@code step} computes the gradients, applies them and runs the
 * model's updates; {@code afterStep}, when the optimizer has any, advances its own bookkeeping.
 *
 * <p>Two ordering hazards of TF Java 1.1.0 shape this. A variable's identity read shares the
 * variable's buffer, so a loss or metric op scheduled after the update would see the new weights:
 * every gradient therefore waits for the fetched loss and metrics. And the framework's Adam,
 * Adamax and Nadam advance their beta powers with no dependency on the updates that read them
 * (Python's TensorFlow has one), a race that makes training nondeterministic: the ops of the
 * optimizer's group that do not use the gradients therefore run in a second session call, after
 * the step.
 */
record TrainOps(Op step, Optional<Op> afterStep) {
  static TrainOps build(Net net, TrainSpec spec, List<Operand<TFloat32>> lossAndMetrics) {
    Graph graph = net.graph();
    Ops tf = net.tf();
    Operand<TFloat32> loss = lossAndMetrics.get(0);
    List<Net.Weight> weights = weightsReachedBy(loss, net);
    if (weights.isEmpty()) {
      throw noTrainableWeights(spec);
    }
    Output<?>[] gradients = graph.addGradients(loss.asOutput(),
        weights.stream().map(w -> w.read().asOutput()).toArray(Output<?>[]::new));

    Ops afterFetches = tf.withControlDependencies(List.copyOf(lossAndMetrics));
    List<GradAndVar<? extends TType>> pairs = new ArrayList<>();
    Set<Operand<?>> used = new HashSet<>();
    for (int i = 0; i < weights.size(); i++) {
      // A closed output means no gradient flows to the weight (a stop_gradient, say).
      if (!gradients[i].isClosed()) {
        Output<TFloat32> gradient = gradients[i].expect(TFloat32.class);
        pairs.add(new GradAndVar<>(afterFetches.identity(gradient).asOutput(),
            weights.get(i).variable().asOutput()));
        used.add(gradient);
      }
    }
    if (pairs.isEmpty()) {
      throw noTrainableWeights(spec);
    }
    Op applied = spec.optimizer().create(graph).applyGradients(pairs, "apply_gradients");

    Set<GraphOperation> usesGradients = graph.subgraphFrom(used);
    List<Op> inStep = new ArrayList<>(net.updates());
    List<Op> afterStep = new ArrayList<>();
    for (GraphOperation op : ((GraphOperation) applied.op()).controlInputs()) {
      (usesGradients.contains(op) ? inStep : afterStep).add(() -> op);
    }
    Op step = tf.withName("train").withControlDependencies(inStep).noOp();
    return new TrainOps(step, afterStep.isEmpty() ? Optional.empty()
        : Optional.of(tf.withName("after_train").withControlDependencies(afterStep).noOp()));
  }

  private static TrainException noTrainableWeights(TrainSpec spec) {
    return new TrainException(
        "job " + spec.jobName() + ": the loss depends on no trainable weight");
  }

  /** The trainable weights {@code loss} depends on: TF refuses gradients for the others. */
  private static List<Net.Weight> weightsReachedBy(Operand<TFloat32> loss, Net net) {
    Set<GraphOperation> lossInputs = net.graph().subgraphTo(Set.of(loss));
    return net.weights().stream()
        .filter(w -> w.trainable() && lossInputs.contains((GraphOperation) w.read().op()))
        .toList();
  }
}
