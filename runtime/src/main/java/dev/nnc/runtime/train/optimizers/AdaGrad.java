package dev.nnc.runtime.train.optimizers;

import dev.nnc.runtime.train.OptimizerInputs;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Adagrad (Duchi et al.) on TensorFlow's fused ApplyAdagradV2: {@code a += g^2},
 * {@code w -= lr * g / (sqrt(a) + epsilon)}. Keras adds epsilon under the root instead; with its
 * default of 1e-7 and an accumulator starting at 0.1 the two differ by less than a millionth.
 */
public final class AdaGrad extends FedOptimizer {
  private static final String ACCUMULATOR = "accumulator";

  private final double epsilon;

  public AdaGrad(Graph graph, OptimizerInputs inputs, double initialAccumulator, double epsilon) {
    super(graph, "Adagrad", inputs, new Slot(ACCUMULATOR, (float) initialAccumulator));
    this.epsilon = epsilon;
  }

  @Override
  protected Op update(Ops tf, Output<TFloat32> gradient, Output<TFloat32> variable) {
    return tf.train.applyAdagradV2(variable, slot(variable, ACCUMULATOR), learningRate(),
        constant(tf, epsilon), gradient);
  }
}
