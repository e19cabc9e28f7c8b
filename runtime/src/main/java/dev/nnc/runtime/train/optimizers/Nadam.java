package dev.nnc.runtime.train.optimizers;

import dev.nnc.runtime.train.OptimizerInputs;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Nadam, Adam with Nesterov momentum, as Keras 3 defines it: the momentum coefficient of step t is
 * {@code u_t = beta1 * (1 - 0.5 * 0.96^t)}, and the bias correction uses the running product of the
 * {@code u_t}. TensorFlow has no fused op for it, so it is written out.
 */
public final class Nadam extends FedOptimizer {
  private static final String MOMENTUM = "momentum";
  private static final String VELOCITY = "velocity";
  private static final double MOMENTUM_DECAY = 0.96;

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  /** Per step: u_t, u_(t+1), the products of the u up to t and up to t + 1, beta2^t. */
  private Operand<TFloat32> u;
  private Operand<TFloat32> uNext;
  private Operand<TFloat32> product;
  private Operand<TFloat32> productNext;
  private Operand<TFloat32> beta2Power;

  public Nadam(Graph graph, OptimizerInputs inputs, double beta1, double beta2, double epsilon) {
    super(graph, "Nadam", inputs, new Slot(MOMENTUM, 0), new Slot(VELOCITY, 0));
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /** The step's coefficients, and the op that keeps the product of the u for the next step. */
  @Override
  protected Optional<Op> prepare(String name) {
    Operand<TFloat32> next = tf.math.add(step(), constant(tf, 1));
    u = momentumAt(step());
    uNext = momentumAt(next);
    Variable<TFloat32> products = tf.withName("nadam_u_product").variable(constant(tf, 1));
    // The only reader of the variable is this product, which the assign below consumes, so the
    // assign cannot overwrite the value before it is read.
    product = tf.math.mul(tf.identity(products), u);
    productNext = tf.math.mul(product, uNext);
    beta2Power = powerOfStep(beta2);
    return Optional.of(tf.assign(products, product));
  }

  private Operand<TFloat32> momentumAt(Operand<TFloat32> step) {
    Operand<TFloat32> decay = tf.math.pow(constant(tf, MOMENTUM_DECAY), step);
    return tf.math.mul(constant(tf, beta1),
        tf.math.sub(constant(tf, 1), tf.math.mul(constant(tf, 0.5), decay)));
  }

  @Override
  protected Op update(Ops tf, Output<TFloat32> gradient, Output<TFloat32> variable) {
    Operand<TFloat32> m = movingAverage(tf, slot(variable, MOMENTUM), gradient, beta1);
    Operand<TFloat32> v = movingAverage(tf, slot(variable, VELOCITY), tf.math.square(gradient), beta2);
    Operand<TFloat32> mHat = tf.math.add(
        tf.math.div(tf.math.mul(uNext, m), oneMinus(tf, productNext)),
        tf.math.div(tf.math.mul(oneMinus(tf, u), gradient), oneMinus(tf, product)));
    Operand<TFloat32> vHat = tf.math.div(v, oneMinus(tf, beta2Power));
    Operand<TFloat32> delta = tf.math.div(tf.math.mul(mHat, learningRate()),
        tf.math.add(tf.math.sqrt(vHat), constant(tf, epsilon)));
    return tf.assignSub(variable, delta);
  }

  /** Moves {@code slot} towards {@code value} by {@code 1 - beta}; returns the new average. */
  private static Operand<TFloat32> movingAverage(Ops tf, Variable<TFloat32> slot,
      Operand<TFloat32> value, double beta) {
    // Math reads the slot through identity: a raw variable output has a reference dtype that
    // math ops reject or crash on.
    Operand<TFloat32> change = tf.math.mul(tf.math.sub(value, tf.identity(slot)), constant(tf, 1 - beta));
    return tf.identity(tf.assignAdd(slot, change));
  }

  private static Operand<TFloat32> oneMinus(Ops tf, Operand<TFloat32> x) {
    return tf.math.sub(constant(tf, 1), x);
  }
}
