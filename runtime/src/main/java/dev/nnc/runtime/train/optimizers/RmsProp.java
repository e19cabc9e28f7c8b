package dev.nnc.runtime.train.optimizers;

import dev.nnc.runtime.train.OptimizerInputs;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * RMSprop (Hinton), as Keras defines it: the gradient divided by a moving root mean square (centered
 * on the moving mean gradient when {@code centered}), with optional momentum.
 */
public final class RmsProp extends FedOptimizer {
  private static final String VELOCITY = "velocity";
  private static final String MOMENTUM = "momentum";
  private static final String AVERAGE_GRADIENT = "average_gradient";

  private final double rho;
  private final double momentum;
  private final double epsilon;
  private final boolean centered;

  public RmsProp(Graph graph, OptimizerInputs inputs, double rho, double momentum, double epsilon,
      boolean centered) {
    super(graph, "RMSprop", inputs, slots(centered));
    this.rho = rho;
    this.momentum = momentum;
    this.epsilon = epsilon;
    this.centered = centered;
  }

  // Keras starts the mean square at 0 (TF 1's RMSPropOptimizer started it at 1).
  private static Slot[] slots(boolean centered) {
    Slot velocity = new Slot(VELOCITY, 0);
    Slot momentum = new Slot(MOMENTUM, 0);
    return centered
        ? new Slot[] {velocity, momentum, new Slot(AVERAGE_GRADIENT, 0)}
        : new Slot[] {velocity, momentum};
  }

  @Override
  protected Op update(Ops tf, Output<TFloat32> gradient, Output<TFloat32> variable) {
    if (centered) {
      return tf.train.applyCenteredRmsProp(variable, slot(variable, AVERAGE_GRADIENT),
          slot(variable, VELOCITY), slot(variable, MOMENTUM), learningRate(), constant(tf, rho),
          constant(tf, momentum), constant(tf, epsilon), gradient);
    }
    return tf.train.applyRmsProp(variable, slot(variable, VELOCITY), slot(variable, MOMENTUM),
        learningRate(), constant(tf, rho), constant(tf, momentum), constant(tf, epsilon), gradient);
  }
}
