package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.framework.optimizers.Optimizer.GradAndVar;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * The one place gradients become updates, for every {@code minimize} of every kind of job: it
 * computes the gradients, hands them to the job's {@link GradientTransform} (clipping, say) and
 * applies what that gives with the optimizer.
 *
 * <p>A variable's identity read shares the variable's buffer in TF Java 1.1.0, so a loss or metric op
 * scheduled after the update would see the new weights: every gradient therefore waits for the
 * values the run fetches.
 */
final class TrainOps {
  private TrainOps() {}

  /**
   * Applies {@code optimizer} to the gradients of {@code loss} with respect to those of
   * {@code candidates} that are trainable and reached by the loss, once {@code fetches} are computed,
   * after {@code transform} (clipping, say) has had them; {@code what} names the job (and step) in the error when no weight is reached.
   */
  static Op applyGradients(Net net, Operand<TFloat32> loss, List<Net.Weight> candidates,
      List<? extends Operand<?>> fetches, Optimizer optimizer, GradientTransform transform, String name,
      String what) {
    Graph graph = net.graph();
    Ops tf = net.tf();
    List<Net.Weight> weights = weightsReachedBy(loss, net, candidates);
    if (weights.isEmpty()) {
      throw noTrainableWeights(what);
    }
    Output<?>[] gradients = graph.addGradients(loss.asOutput(),
        weights.stream().map(w -> w.read().asOutput()).toArray(Output<?>[]::new));

    Ops afterFetches = tf.withControlDependencies(List.copyOf(fetches));
    List<Operand<TFloat32>> flowing = new ArrayList<>();
    List<Net.Weight> updated = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      // A closed output means no gradient flows to the weight (a stop_gradient, say).
      if (!gradients[i].isClosed()) {
        flowing.add(afterFetches.identity(gradients[i].expect(TFloat32.class)));
        updated.add(weights.get(i));
      }
    }
    if (flowing.isEmpty()) {
      throw noTrainableWeights(what);
    }
    Ops clipOps = tf.withSubScope("clip");
    List<Operand<TFloat32>> bounded = transform.apply(clipOps, flowing);
    List<GradAndVar<? extends TType>> pairs = new ArrayList<>();
    for (int i = 0; i < bounded.size(); i++) {
      pairs.add(new GradAndVar<>(bounded.get(i).asOutput(), updated.get(i).variable().asOutput()));
    }
    return optimizer.applyGradients(pairs, name);
  }

  private static TrainException noTrainableWeights(String what) {
    return new TrainException(what + ": the loss depends on no trainable weight");
  }

  /** The trainable weights among {@code candidates} that {@code loss} depends on: TF refuses gradients for the others. */
  private static List<Net.Weight> weightsReachedBy(Operand<TFloat32> loss, Net net, List<Net.Weight> candidates) {
    Set<GraphOperation> lossInputs = net.graph().subgraphTo(Set.of(loss));
    return candidates.stream()
        .filter(w -> w.trainable() && lossInputs.contains((GraphOperation) w.read().op()))
        .toList();
  }
}
