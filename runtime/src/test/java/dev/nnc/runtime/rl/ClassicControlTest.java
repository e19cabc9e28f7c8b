package dev.nnc.runtime.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ports of Gymnasium's classic control: single steps checked by hand, and the episode rules. */
class ClassicControlTest {
  @Test
  void cartPoleAtRestPushedRightAcceleratesTheCartAndTipsThePoleBack() {
    CartPole env = new CartPole();
    env.set(0, 0, 0, 0);
    Environment.Step step = env.step(1);
    // temp = 10 / 1.1; θ'' = -temp / (0.5 (4/3 - 0.1/1.1)) = -14.634; x'' = temp - 0.05 θ'' / 1.1 = 9.7561;
    // Euler moves the positions with the old velocities (0), the velocities by 0.02 of the accelerations.
    assertArrayEquals(new float[] {0f, 0.19512195f, 0f, -0.29268293f}, step.observation(), 1e-7f);
    assertEquals(1.0, step.reward());
    assertFalse(step.terminated());
    assertFalse(step.truncated());
  }

  @Test
  void cartPoleStepFromAMovingStateFollowsTheEquations() {
    CartPole env = new CartPole();
    env.set(1.0, -0.3, 0.1, 0.5);
    assertArrayEquals(new float[] {0.994f, -0.49637899f, 0.11f, 0.8224479f}, env.step(0).observation(), 1e-6f);
  }

  @Test
  void cartPoleTerminatesPastTwelveDegreesOrTheEdgeOfTheTrack() {
    CartPole env = new CartPole();
    env.set(0, 0, 0.2094, 1.0); // 12° is 0.20944 rad; the angular velocity carries it over
    Environment.Step fallen = env.step(1);
    assertTrue(fallen.terminated());
    assertEquals(1.0, fallen.reward(), "the step that ends the episode is rewarded too");
    env.set(2.39, 1.0, 0, 0);
    assertTrue(env.step(1).terminated());
    env.set(-2.39, -1.0, 0, 0);
    assertTrue(env.step(0).terminated());
    env.set(2.39, 0.0, 0, 0);
    assertFalse(env.step(0).terminated(), "2.39 is still on the track");
  }

  @Test
  void cartPoleStartsUniformlyWithinFiveHundredths() {
    CartPole env = new CartPole();
    double[] sums = new double[4];
    int n = 2000;
    for (int seed = 0; seed < n; seed++) {
      float[] start = env.reset(seed);
      for (int i = 0; i < 4; i++) {
        assertTrue(Math.abs(start[i]) < 0.05f, "start " + start[i]);
        sums[i] += start[i];
      }
    }
    for (double sum : sums) {
      // The mean of uniform(-0.05, 0.05) over 2000 draws is within 0.002 of 0 (3 standard errors).
      assertEquals(0, sum / n, 0.002);
    }
  }

  @Test
  void cartPoleV1IsCutOffAtFiveHundredStepsWhenThePoleStaysUp() {
    Environment env = Environments.cartpole();
    float[] obs = env.reset(7);
    List<Environment.Step> steps = new ArrayList<>();
    Environment.Step step;
    do {
      // Push the cart under the pole's lean (and its drift), which balances it.
      double lean = obs[2] + 0.5 * obs[3] + 0.01 * obs[0] + 0.1 * obs[1];
      step = env.step(lean > 0 ? 1 : 0);
      steps.add(step);
      obs = step.observation();
    } while (!step.ended());
    assertEquals(500, steps.size());
    assertTrue(step.truncated());
    assertFalse(step.terminated(), "cut off, not fallen: a learner bootstraps from this state");
    assertTrue(steps.subList(0, 499).stream().noneMatch(Environment.Step::ended));
  }

  @Test
  void aRandomPolicyBalancesTheCartPoleAboutTwentyTwoSteps() {
    Environment env = Environments.cartpole();
    Rng policy = new Rng(2026);
    double total = 0;
    int episodes = 1000;
    for (int e = 0; e < episodes; e++) {
      env.reset(Rng.derived(1, e).nextLong());
      Environment.Step step;
      do {
        step = env.step(policy.nextInt(2));
        total += step.reward();
      } while (!step.ended());
    }
    // Gymnasium's known random baseline is a mean return of about 22 (the standard error over 1000
    // episodes is about 0.4).
    assertEquals(22.2, total / episodes, 1.3);
  }

  @Test
  void acrobotEquationsOfMotionAtRestWithATorqueOfOne() {
    // d1 = 0.25 + (1 + 0.25 + 1) + 1 + 1 = 4.5, d2 = 0.25 + 0.5 + 1 = 1.75, both φ are 0 hanging down;
    // θ2'' = 1 / (0.25 + 1 - 1.75² / 4.5) = 1.7560976, θ1'' = -1.75 θ2'' / 4.5 = -0.6829268.
    double[] d = Acrobot.derivatives(new double[] {0, 0, 0, 0}, 1.0);
    assertArrayEquals(new double[] {0, 0, -0.68292683, 1.75609756}, d, 1e-7);
  }

  @Test
  void acrobotHangingAtRestStaysAtRestWithoutTorque() {
    Acrobot env = new Acrobot();
    env.set(0, 0, 0, 0);
    Environment.Step step = env.step(1);
    assertArrayEquals(new float[] {1, 0, 1, 0, 0, 0}, step.observation(), 1e-6f);
    assertEquals(-1.0, step.reward());
    assertFalse(step.terminated());
  }

  @Test
  void acrobotKeepsItsEnergyWithoutTorque() {
    Acrobot env = new Acrobot();
    double[] state = {0.5, -0.3, 0.0, 0.0};
    env.set(state);
    double start = energy(state);
    double[] s = state;
    for (int i = 0; i < 50; i++) {
      s = Acrobot.rungeKutta(s, 0.0);
    }
    // Without friction or torque the energy is constant; RK4 at 0.2 s keeps it within a percent.
    assertEquals(start, energy(s), Math.abs(start) * 0.01);
    assertNotEquals(state[0], s[0], "the links moved");
  }

  /** Kinetic plus potential energy of the acrobot (θ1 = 0 hanging down), from the book's model. */
  private static double energy(double[] s) {
    double g = Acrobot.GRAVITY;
    double c2 = Math.cos(s[1]);
    double m11 = 0.25 + (1 + 0.25 + 2 * 0.5 * c2) + 1 + 1;
    double m12 = 0.25 + 0.5 * c2 + 1;
    double m22 = 0.25 + 1;
    double kinetic = 0.5 * (m11 * s[2] * s[2] + 2 * m12 * s[2] * s[3] + m22 * s[3] * s[3]);
    double potential = -g * 0.5 * Math.cos(s[0]) - g * (Math.cos(s[0]) + 0.5 * Math.cos(s[0] + s[1]));
    return kinetic + potential;
  }

  @Test
  void acrobotTerminatesWithRewardZeroWhenTheTipRisesAboveOneLink() {
    Acrobot env = new Acrobot();
    env.set(Math.PI - 0.01, 0, 0, 0); // nearly upright: the tip is 2 above the pivot
    Environment.Step step = env.step(1);
    assertTrue(step.terminated());
    assertEquals(0.0, step.reward());
  }

  @Test
  void acrobotWrapsAnglesAndBoundsVelocities() {
    assertEquals(-Math.PI + 0.5, Acrobot.wrap(Math.PI + 0.5), 1e-12);
    assertEquals(Math.PI - 0.5, Acrobot.wrap(-Math.PI - 0.5 - 4 * Math.PI), 1e-12);
    Acrobot env = new Acrobot();
    env.set(0, 0, 100, -100);
    float[] obs = env.step(2).observation();
    // Velocities this large stay large through the step, and are cut to ±4π and ±9π.
    assertEquals(4 * Math.PI, Math.abs(obs[4]), 1e-5);
    assertEquals(9 * Math.PI, Math.abs(obs[5]), 1e-5);
  }

  @Test
  void acrobotObservesCosinesAndSinesAndStartsWithinATenth() {
    Environment env = Environments.acrobot();
    assertArrayEquals(new int[] {6}, env.observationShape());
    assertEquals(3, env.actions());
    float[] obs = env.reset(3);
    assertEquals(1.0, obs[0] * obs[0] + obs[1] * obs[1], 1e-6);
    assertTrue(obs[0] > Math.cos(0.1) - 1e-6 && Math.abs(obs[4]) < 0.1 && Math.abs(obs[5]) < 0.1);
  }

  @Test
  void mountainCarStepFollowsTheEquations() {
    MountainCar env = new MountainCar();
    env.set(-0.5, 0);
    Environment.Step step = env.step(2);
    // v = 0.001 + cos(3 · -0.5) · -0.0025 = 0.000823157; x = -0.5 + v.
    assertArrayEquals(new float[] {-0.49917684f, 0.00082315700f}, step.observation(), 1e-8f);
    assertEquals(-1.0, step.reward());
  }

  @Test
  void mountainCarStopsAtTheLeftWallAndTerminatesAtTheFlag() {
    MountainCar env = new MountainCar();
    env.set(-1.19, -0.07);
    assertArrayEquals(new float[] {-1.2f, 0f}, env.step(0).observation());
    env.set(0.45, 0.07);
    Environment.Step step = env.step(2);
    assertTrue(step.terminated());
    assertEquals(0.07f, step.observation()[1], 1e-7f, "the speed is bounded by 0.07");
  }

  @Test
  void mountainCarV0IsCutOffAtTwoHundredSteps() {
    Environment env = Environments.mountainCar();
    float[] start = env.reset(11);
    assertTrue(start[0] >= -0.6f && start[0] < -0.4f && start[1] == 0f);
    int steps = 0;
    Environment.Step step;
    do {
      step = env.step(1); // doing nothing never reaches the flag
      steps++;
    } while (!step.ended());
    assertEquals(200, steps);
    assertTrue(step.truncated() && !step.terminated());
  }

  @Test
  void theSameSeedGivesTheSameEpisode() {
    for (String name : Environments.names()) {
      assertArrayEquals(episode(Environments.named(name), 42), episode(Environments.named(name), 42), name);
      assertFalse(java.util.Arrays.equals(episode(Environments.named(name), 42), episode(Environments.named(name), 43)),
          name);
    }
  }

  private static float[] episode(Environment env, long seed) {
    List<Float> values = new ArrayList<>();
    for (float v : env.reset(seed)) {
      values.add(v);
    }
    Rng policy = new Rng(seed);
    Environment.Step step;
    do {
      step = env.step(policy.nextInt(env.actions()));
      for (float v : step.observation()) {
        values.add(v);
      }
    } while (!step.ended());
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  @Test
  void anActionOutOfRangeIsRefusedNamingTheRange() {
    Environment env = Environments.cartpole();
    env.reset(0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.step(2));
    assertEquals("action 2 is out of range: this environment has actions 0 to 1", e.getMessage());
  }

  @Test
  void anUnknownNameListsTheEnvironments() {
    EnvironmentException e = assertThrows(EnvironmentException.class, () -> Environments.named("pendulum"));
    assertEquals("there is no environment 'pendulum'; the environments are acrobot, cartpole, mountain_car,"
        + " and java(\"your.Class\", ...)", e.getMessage());
  }
}
