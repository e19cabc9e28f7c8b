package dev.nnc.runtime.rl;

/**
 * Gymnasium's CartPole (Barto, Sutton and Anderson's cart-pole, as in Sutton's pole.c): push a cart
 * left (action 0) or right (1) with a force of 10 N to keep a pole upright. Observation: cart
 * position, cart velocity, pole angle (radians, 0 upright), pole angular velocity. Reward 1 every
 * step, the last one included. Terminates when the cart leaves ±2.4 or the pole passes ±12°. Euler
 * integration with 0.02 s steps; the start state is uniform in (-0.05, 0.05) in every coordinate.
 * The physics alone: {@link Environments#cartpole()} adds CartPole-v1's limit of 500 steps.
 */
public final class CartPole implements Environment {
  static final double GRAVITY = 9.8;
  static final double CART_MASS = 1.0;
  static final double POLE_MASS = 0.1;
  static final double TOTAL_MASS = CART_MASS + POLE_MASS;
  /** Half the pole's length, as in Gymnasium. */
  static final double HALF_LENGTH = 0.5;
  static final double POLE_MASS_LENGTH = POLE_MASS * HALF_LENGTH;
  static final double FORCE = 10.0;
  static final double TAU = 0.02;
  static final double ANGLE_LIMIT = 12 * 2 * Math.PI / 360;
  static final double POSITION_LIMIT = 2.4;

  private double x;
  private double xDot;
  private double theta;
  private double thetaDot;

  @Override
  public int[] observationShape() {
    return new int[] {4};
  }

  @Override
  public int actions() {
    return 2;
  }

  @Override
  public float[] reset(long seed) {
    Rng rng = new Rng(seed);
    x = rng.uniform(-0.05, 0.05);
    xDot = rng.uniform(-0.05, 0.05);
    theta = rng.uniform(-0.05, 0.05);
    thetaDot = rng.uniform(-0.05, 0.05);
    return observation();
  }

  @Override
  public Step step(int action) {
    Actions.check(action, 2);
    double force = action == 1 ? FORCE : -FORCE;
    double cos = Math.cos(theta);
    double sin = Math.sin(theta);
    double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
    double thetaAcc = (GRAVITY * sin - cos * temp)
        / (HALF_LENGTH * (4.0 / 3.0 - POLE_MASS * cos * cos / TOTAL_MASS));
    double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
    // Explicit Euler: positions move with the old velocities (Gymnasium's default integrator).
    x += TAU * xDot;
    xDot += TAU * xAcc;
    theta += TAU * thetaDot;
    thetaDot += TAU * thetaAcc;
    boolean terminated = x < -POSITION_LIMIT || x > POSITION_LIMIT
        || theta < -ANGLE_LIMIT || theta > ANGLE_LIMIT;
    return new Step(observation(), 1.0, terminated, false);
  }

  /** Puts the system in this state, for tests that check a step by hand. */
  void set(double x, double xDot, double theta, double thetaDot) {
    this.x = x;
    this.xDot = xDot;
    this.theta = theta;
    this.thetaDot = thetaDot;
  }

  private float[] observation() {
    return new float[] {(float) x, (float) xDot, (float) theta, (float) thetaDot};
  }
}
