package dev.nnc.runtime.train.optimizers;

import dev.nnc.runtime.train.OptimizerInputs;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Plain stochastic gradient descent: {@code w -= lr * g}. */
public final class Sgd extends FedOptimizer {
  public Sgd(Graph graph, OptimizerInputs inputs) {
    super(graph, "SGD", inputs);
  }

  @Override
  protected Op update(Ops tf, Output<TFloat32> gradient, Output<TFloat32> variable) {
    return tf.train.applyGradientDescent(variable, learningRate(), gradient);
  }
}
