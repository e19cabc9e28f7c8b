package dev.nnc.runtime.train.optimizers;

import dev.nnc.runtime.train.OptimizerInputs;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Adam (Kingma and Ba), as Keras defines it, on TensorFlow's fused ApplyAdam. */
public final class Adam extends FedOptimizer {
  private static final String MOMENTUM = "momentum";
  private static final String VELOCITY = "velocity";

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private Operand<TFloat32> beta1Power;
  private Operand<TFloat32> beta2Power;

  public Adam(Graph graph, OptimizerInputs inputs, double beta1, double beta2, double epsilon) {
    super(graph, "Adam", inputs, new Slot(MOMENTUM, 0), new Slot(VELOCITY, 0));
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  @Override
  protected Optional<Op> prepare(String name) {
    beta1Power = powerOfStep(beta1);
    beta2Power = powerOfStep(beta2);
    return Optional.empty();
  }

  @Override
  protected Op update(Ops tf, Output<TFloat32> gradient, Output<TFloat32> variable) {
    return tf.train.applyAdam(variable, slot(variable, MOMENTUM), slot(variable, VELOCITY),
        beta1Power, beta2Power, learningRate(), constant(tf, beta1), constant(tf, beta2),
        constant(tf, epsilon), gradient);
  }
}
