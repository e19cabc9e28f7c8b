package dev.nnc.runtime.rl;

/**
 * Gymnasium's MountainCar (Moore's mountain car): an under-powered car in a valley must rock back and
 * forth to reach the flag at position 0.5 on the right hill. Actions: accelerate left (0), do
 * nothing (1), accelerate right (2). Observation: position in [-1.2, 0.6] and velocity in [-0.07,
 * 0.07]. Reward -1 every step; terminates at the flag. The start position is uniform in [-0.6, -0.4],
 * at rest. The hill's height is {@code sin(3x) * 0.45 + 0.55}. The physics alone:
 * {@link Environments#mountainCar()} adds MountainCar-v0's limit of 200 steps.
 */
public final class MountainCar implements Environment {
  static final double MIN_POSITION = -1.2;
  static final double MAX_POSITION = 0.6;
  static final double MAX_SPEED = 0.07;
  static final double GOAL_POSITION = 0.5;
  static final double FORCE = 0.001;
  static final double GRAVITY = 0.0025;

  private double position;
  private double velocity;

  @Override
  public int[] observationShape() {
    return new int[] {2};
  }

  @Override
  public int actions() {
    return 3;
  }

  @Override
  public float[] reset(long seed) {
    position = new Rng(seed).uniform(-0.6, -0.4);
    velocity = 0;
    return observation();
  }

  @Override
  public Step step(int action) {
    Actions.check(action, 3);
    velocity += (action - 1) * FORCE + Math.cos(3 * position) * -GRAVITY;
    velocity = Math.min(Math.max(velocity, -MAX_SPEED), MAX_SPEED);
    position += velocity;
    position = Math.min(Math.max(position, MIN_POSITION), MAX_POSITION);
    // The left wall stops the car dead.
    if (position == MIN_POSITION && velocity < 0) {
      velocity = 0;
    }
    boolean terminated = position >= GOAL_POSITION && velocity >= 0;
    return new Step(observation(), -1.0, terminated, false);
  }

  /** Puts the car here, for tests that check a step by hand. */
  void set(double position, double velocity) {
    this.position = position;
    this.velocity = velocity;
  }

  /** The hill's height at {@code position}, for drawing. */
  static double height(double position) {
    return Math.sin(3 * position) * 0.45 + 0.55;
  }

  private float[] observation() {
    return new float[] {(float) position, (float) velocity};
  }
}
