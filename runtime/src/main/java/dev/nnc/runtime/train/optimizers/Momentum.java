package dev.nnc.runtime.train.optimizers;

import dev.nnc.runtime.train.OptimizerInputs;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.ApplyMomentum;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code SGD(momentum, nesterov)}: {@code v = momentum * v - lr * g}, then {@code w += v}, or
 * with Nesterov's look-ahead {@code w += momentum * v - lr * g}.
 */
public final class Momentum extends FedOptimizer {
  private static final String VELOCITY = "velocity";

  private final double momentum;
  private final boolean nesterov;

  public Momentum(Graph graph, OptimizerInputs inputs, double momentum, boolean nesterov) {
    super(graph, nesterov ? "Nesterov" : "Momentum", inputs, new Slot(VELOCITY, 0));
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  @Override
  protected Op update(Ops tf, Output<TFloat32> gradient, Output<TFloat32> variable) {
    // TF's ApplyMomentum multiplies the whole velocity by the rate; Keras folds each step's rate into
    // the velocity. Scaling the gradient by the rate and applying with a rate of 1 is Keras's rule,
    // which differs from TF's as soon as a schedule changes the rate.
    return tf.train.applyMomentum(variable, slot(variable, VELOCITY), constant(tf, 1),
        tf.math.mul(gradient, learningRate()), constant(tf, momentum),
        ApplyMomentum.useNesterov(nesterov));
  }
}
