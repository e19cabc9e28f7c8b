package dev.nnc.runtime.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@code env: java("...", observation: float[n], actions: k)}: loading a user's class. */
class JavaEnvironmentTest {
  private static final ClassLoader LOADER = JavaEnvironmentTest.class.getClassLoader();

  @Test
  void aUsersClassPlugsIn() {
    Environment env = Environments.java("dev.nnc.runtime.rl.Corridor", new int[] {1}, 2, LOADER);
    Rollout rollout = new Rollout(env, 5);
    while (rollout.stats().finished() < 3) {
      rollout.act(1);
    }
    // Walking right always reaches the end; every episode pays +1 at the end and -0.1 before it.
    assertEquals(3, rollout.stats().finished());
    assertEquals(1 - 0.1 * (rollout.stats().meanLength() - 1), rollout.stats().meanReturn(), 1e-9);
  }

  @Test
  void aMissingClassSaysItIsNotOnTheClassPath() {
    assertEquals("the environment class com.example.Warehouse is not on the class path"
        + " (add its jar or classes directory to the class path nnc runs with)",
        refused("com.example.Warehouse", new int[] {6}, 3));
  }

  @Test
  void aClassThatDoesNotImplementTheInterfaceIsRefused() {
    assertEquals("the environment class dev.nnc.runtime.rl.NotAnEnvironment does not implement"
        + " dev.nnc.runtime.rl.Environment", refused("dev.nnc.runtime.rl.NotAnEnvironment", new int[] {1}, 2));
  }

  @Test
  void shapesOtherThanTheDeclaredOnesAreRefused() {
    assertEquals("the environment class dev.nnc.runtime.rl.Corridor observes float[1], but the program declares"
        + " observation: float[6]", refused("dev.nnc.runtime.rl.Corridor", new int[] {6}, 2));
    assertEquals("the environment class dev.nnc.runtime.rl.Corridor has 2 actions, but the program declares"
        + " actions: 3", refused("dev.nnc.runtime.rl.Corridor", new int[] {1}, 3));
  }

  @Test
  void aClassWithoutAPublicNoArgumentConstructorIsRefused() {
    assertEquals("the environment class dev.nnc.runtime.rl.TimeLimit needs a public constructor without parameters",
        refused("dev.nnc.runtime.rl.TimeLimit", new int[] {4}, 2));
  }

  private static String refused(String className, int[] observation, int actions) {
    return assertThrows(EnvironmentException.class,
        () -> Environments.java(className, observation, actions, LOADER)).getMessage();
  }
}
