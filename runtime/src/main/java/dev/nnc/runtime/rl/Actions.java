package dev.nnc.runtime.rl;

/** The check every environment makes of the action it is given. */
final class Actions {
  private Actions() {}

  static void check(int action, int actions) {
    if (action < 0 || action >= actions) {
      throw new IllegalArgumentException(
          "action " + action + " is out of range: this environment has actions 0 to " + (actions - 1));
    }
  }
}
