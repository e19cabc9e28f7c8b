package dev.nnc.runtime.rl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The environments an {@code env:} can name: Gymnasium's classic control, and a user's own class. */
public final class Environments {
  private static final Map<String, Supplier<Environment>> BUILT_IN = Map.of(
      "cartpole", Environments::cartpole,
      "acrobot", Environments::acrobot,
      "mountain_car", Environments::mountainCar);

  private Environments() {}

  /** CartPole-v1: {@link CartPole} cut off at 500 steps. */
  public static Environment cartpole() {
    return new TimeLimit(new CartPole(), 500);
  }

  /** Acrobot-v1: {@link Acrobot} cut off at 500 steps. */
  public static Environment acrobot() {
    return new TimeLimit(new Acrobot(), 500);
  }

  /** MountainCar-v0: {@link MountainCar} cut off at 200 steps. */
  public static Environment mountainCar() {
    return new TimeLimit(new MountainCar(), 200);
  }

  /** The names of the built-in environments, sorted: {@code acrobot, cartpole, mountain_car}. */
  public static List<String> names() {
    return BUILT_IN.keySet().stream().sorted().toList();
  }

  /** The built-in environment of this name ({@code cartpole}, ...). */
  public static Environment named(String name) {
    Supplier<Environment> make = BUILT_IN.get(name);
    if (make == null) {
      throw new EnvironmentException("there is no environment '" + name + "'; the environments are "
          + String.join(", ", names()) + ", and java(\"your.Class\", ...)");
    }
    return make.get();
  }

  /**
   * A new instance of the user's class {@code className}, found through {@code loader}, which must
   * implement {@link Environment}, have a public constructor without parameters, and have the
   * observation shape and number of actions that the program declared.
   */
  public static Environment java(String className, int[] observation, int actions, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new EnvironmentException("the environment class " + className + " is not on the class path"
          + " (add its jar or classes directory to the class path nnc runs with)");
    }
    if (!Environment.class.isAssignableFrom(type)) {
      throw new EnvironmentException("the environment class " + className + " does not implement "
          + Environment.class.getName());
    }
    if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      throw new EnvironmentException("the environment class " + className + " is abstract; name a concrete class");
    }
    Environment env = instantiate(type.asSubclass(Environment.class), className);
    int[] shape = env.observationShape();
    if (!Arrays.equals(shape, observation)) {
      throw new EnvironmentException("the environment class " + className + " observes float"
          + Arrays.toString(shape) + ", but the program declares observation: float" + Arrays.toString(observation));
    }
    if (env.actions() != actions) {
      throw new EnvironmentException("the environment class " + className + " has " + env.actions()
          + " actions, but the program declares actions: " + actions);
    }
    return env;
  }

  private static Environment instantiate(Class<? extends Environment> type, String className) {
    try {
      return type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new EnvironmentException("the environment class " + className
          + " needs a public constructor without parameters");
    } catch (InvocationTargetException e) {
      throw new EnvironmentException("the environment class " + className + " failed in its constructor: "
          + e.getCause(), e.getCause());
    } catch (InstantiationException e) {
      throw new EnvironmentException("the environment class " + className + " cannot be instantiated: " + e);
    }
  }
}
