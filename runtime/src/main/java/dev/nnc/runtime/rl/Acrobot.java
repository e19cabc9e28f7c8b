package dev.nnc.runtime.rl;

/**
 * Gymnasium's Acrobot (Sutton and Barto's book, section 11.3): two links hanging from a fixed joint,
 * torque only at the joint between them. Actions apply a torque of -1, 0 or +1. Observation: cos
 * and sin of both joint angles, then both angular velocities (the first within ±4π, the second
 * ±9π). Reward -1 every step, 0 on the one that terminates: when the free end rises more than one
 * link's length above the fixed joint, {@code -cos(θ1) - cos(θ1 + θ2) > 1}. Each step integrates the
 * book's equations of motion over 0.2 s with one fourth-order Runge–Kutta step. The start state is
 * uniform in [-0.1, 0.1) in every coordinate. The physics alone: {@link Environments#acrobot()} adds
 * Acrobot-v1's limit of 500 steps.
 */
public final class Acrobot implements Environment {
  static final double DT = 0.2;
  static final double LINK_LENGTH_1 = 1.0;
  static final double LINK_MASS_1 = 1.0;
  static final double LINK_MASS_2 = 1.0;
  static final double LINK_COM_1 = 0.5;
  static final double LINK_COM_2 = 0.5;
  static final double LINK_MOI = 1.0;
  static final double MAX_VEL_1 = 4 * Math.PI;
  static final double MAX_VEL_2 = 9 * Math.PI;
  static final double GRAVITY = 9.8;
  private static final double[] TORQUES = {-1.0, 0.0, 1.0};

  /** θ1, θ2, dθ1, dθ2. */
  private final double[] s = new double[4];

  @Override
  public int[] observationShape() {
    return new int[] {6};
  }

  @Override
  public int actions() {
    return 3;
  }

  @Override
  public float[] reset(long seed) {
    Rng rng = new Rng(seed);
    for (int i = 0; i < 4; i++) {
      // Gymnasium draws the start state in float32.
      s[i] = (float) rng.uniform(-0.1, 0.1);
    }
    return observation();
  }

  @Override
  public Step step(int action) {
    Actions.check(action, 3);
    double[] next = rungeKutta(s, TORQUES[action]);
    s[0] = wrap(next[0]);
    s[1] = wrap(next[1]);
    s[2] = Math.min(Math.max(next[2], -MAX_VEL_1), MAX_VEL_1);
    s[3] = Math.min(Math.max(next[3], -MAX_VEL_2), MAX_VEL_2);
    boolean terminated = -Math.cos(s[0]) - Math.cos(s[1] + s[0]) > 1.0;
    return new Step(observation(), terminated ? 0.0 : -1.0, terminated, false);
  }

  /** Puts the links in this state (θ1, θ2, dθ1, dθ2), for tests that check a step by hand. */
  void set(double... state) {
    System.arraycopy(state, 0, s, 0, 4);
  }

  /** One classical Runge–Kutta step of length {@link #DT} with the torque held constant. */
  static double[] rungeKutta(double[] y, double torque) {
    double half = DT / 2;
    double[] k1 = derivatives(y, torque);
    double[] k2 = derivatives(plus(y, half, k1), torque);
    double[] k3 = derivatives(plus(y, half, k2), torque);
    double[] k4 = derivatives(plus(y, DT, k3), torque);
    double[] out = new double[4];
    for (int i = 0; i < 4; i++) {
      out[i] = y[i] + DT / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    return out;
  }

  /** The book's equations of motion: d/dt of (θ1, θ2, dθ1, dθ2). */
  static double[] derivatives(double[] y, double torque) {
    double m1 = LINK_MASS_1;
    double m2 = LINK_MASS_2;
    double l1 = LINK_LENGTH_1;
    double lc1 = LINK_COM_1;
    double lc2 = LINK_COM_2;
    double i1 = LINK_MOI;
    double i2 = LINK_MOI;
    double theta1 = y[0];
    double theta2 = y[1];
    double dtheta1 = y[2];
    double dtheta2 = y[3];
    double d1 = m1 * lc1 * lc1 + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * Math.cos(theta2)) + i1 + i2;
    double d2 = m2 * (lc2 * lc2 + l1 * lc2 * Math.cos(theta2)) + i2;
    double phi2 = m2 * lc2 * GRAVITY * Math.cos(theta1 + theta2 - Math.PI / 2);
    double phi1 = -m2 * l1 * lc2 * dtheta2 * dtheta2 * Math.sin(theta2)
        - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * Math.sin(theta2)
        + (m1 * lc1 + m2 * l1) * GRAVITY * Math.cos(theta1 - Math.PI / 2)
        + phi2;
    // The book's form, with the dθ1² term the NIPS paper's version leaves out.
    double ddtheta2 = (torque + d2 / d1 * phi1 - m2 * l1 * lc2 * dtheta1 * dtheta1 * Math.sin(theta2) - phi2)
        / (m2 * lc2 * lc2 + i2 - d2 * d2 / d1);
    double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
    return new double[] {dtheta1, dtheta2, ddtheta1, ddtheta2};
  }

  private static double[] plus(double[] y, double h, double[] k) {
    return new double[] {y[0] + h * k[0], y[1] + h * k[1], y[2] + h * k[2], y[3] + h * k[3]};
  }

  /** An angle brought into [-π, π] by whole turns. */
  static double wrap(double angle) {
    double turn = 2 * Math.PI;
    while (angle > Math.PI) {
      angle -= turn;
    }
    while (angle < -Math.PI) {
      angle += turn;
    }
    return angle;
  }

  private float[] observation() {
    return new float[] {(float) Math.cos(s[0]), (float) Math.sin(s[0]), (float) Math.cos(s[1]),
        (float) Math.sin(s[1]), (float) s[2], (float) s[3]};
  }
}
