package dev.nnc.runtime.train.optimizers;

import dev.nnc.runtime.train.OptimizerInputs;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Adamax, Adam with the infinity norm, as Keras defines it, on TensorFlow's fused ApplyAdaMax. */
public final class Adamax extends FedOptimizer {
  private static final String MOMENTUM = "momentum";
  private static final String NORM = "norm";

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private Operand<TFloat32> beta1Power;

  public Adamax(Graph graph, OptimizerInputs inputs, double beta1, double beta2, double epsilon) {
    super(graph, "Adamax", inputs, new Slot(MOMENTUM, 0), new Slot(NORM, 0));
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  @Override
  protected Optional<Op> prepare(String name) {
    beta1Power = powerOfStep(beta1);
    return Optional.empty();
  }

  @Override
  protected Op update(Ops tf, Output<TFloat32> gradient, Output<TFloat32> variable) {
    return tf.train.applyAdaMax(variable, slot(variable, MOMENTUM), slot(variable, NORM),
        beta1Power, learningRate(), constant(tf, beta1), constant(tf, beta2), constant(tf, epsilon),
        gradient);
  }
}
