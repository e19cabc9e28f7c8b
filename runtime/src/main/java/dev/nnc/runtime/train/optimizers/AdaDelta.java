package dev.nnc.runtime.train.optimizers;

import dev.nnc.runtime.train.OptimizerInputs;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Adadelta (Zeiler), as Keras defines it, on TensorFlow's fused ApplyAdadelta. */
public final class AdaDelta extends FedOptimizer {
  private static final String GRADIENTS = "accumulated_gradient";
  private static final String DELTAS = "accumulated_delta";

  private final double rho;
  private final double epsilon;

  public AdaDelta(Graph graph, OptimizerInputs inputs, double rho, double epsilon) {
    super(graph, "Adadelta", inputs, new Slot(GRADIENTS, 0), new Slot(DELTAS, 0));
    this.rho = rho;
    this.epsilon = epsilon;
  }

  @Override
  protected Op update(Ops tf, Output<TFloat32> gradient, Output<TFloat32> variable) {
    return tf.train.applyAdadelta(variable, slot(variable, GRADIENTS), slot(variable, DELTAS),
        learningRate(), constant(tf, rho), constant(tf, epsilon), gradient);
  }
}
