package dev.nnc.cli;

import dev.nnc.runtime.infer.InferenceException;
import dev.nnc.runtime.rl.AnimatedGif;
import dev.nnc.runtime.rl.Environment;
import dev.nnc.runtime.rl.EnvironmentException;
import dev.nnc.runtime.rl.Environments;
import dev.nnc.runtime.rl.ExportedPolicy;
import dev.nnc.runtime.rl.Play;
import dev.nnc.runtime.rl.Rng;
import dev.nnc.runtime.rl.Scene;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "play", description = "Plays episodes of an environment with an exported policy (greedily) or at random,"
    + " and prints the mean, lowest and highest return: `nnc play --env cartpole --random --episodes 1000` is the"
    + " random baseline.")
final class PlayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--env", paramLabel = "NAME", required = true,
      description = "The environment: cartpole (CartPole-v1), acrobot (Acrobot-v1) or mountain_car (MountainCar-v0).")
  String env;

  @Option(names = "--random", description = "Act uniformly at random (the baseline every policy should beat).")
  boolean random;

  @Option(names = "--model", paramLabel = "DIR",
      description = "Act with the policy exported to DIR: the arg-max of its first output for each observation.")
  Path model;

  @Option(names = "--episodes", paramLabel = "N", defaultValue = "100", description = "How many episodes (default ${DEFAULT-VALUE}).")
  int episodes;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Seeds the episodes and the random policy (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--gif", paramLabel = "FILE", description = "Draw the first episode as an animated GIF.")
  Path gif;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (random == (model != null)) {
      err.println("error: say how to act: --random, or --model DIR for a policy a train job exported (not both)");
      return Nnc.USAGE;
    }
    if (episodes <= 0) {
      err.println("error: --episodes must be positive, not " + episodes);
      return Nnc.USAGE;
    }
    Environment environment;
    try {
      environment = Environments.named(env);
    } catch (EnvironmentException e) {
      err.println("error: " + e.getMessage());
      return Nnc.USAGE;
    }
    Play.Result result;
    if (random) {
      // The policy's draws are their own stream, apart from the episodes' seeds.
      Rng policy = Rng.derived(seed, -1);
      int actions = environment.actions();
      result = Play.play(environment, observation -> policy.nextInt(actions), episodes, seed);
    } else {
      try (ExportedPolicy policy = ExportedPolicy.load(model, environment, env)) {
        result = Play.play(environment, policy, episodes, seed);
      } catch (InferenceException e) {
        err.println("error: " + e.getMessage());
        return Nnc.PROGRAM_ERRORS;
      }
    }
    spec.commandLine().getOut().println(result.line());
    return gif == null ? Nnc.OK : drawFirstEpisode(environment, result, err);
  }

  private int drawFirstEpisode(Environment environment, Play.Result result, PrintWriter err) {
    Optional<Scene> scene = Scene.of(environment);
    if (scene.isEmpty()) {
      err.println("error: nnc cannot draw the environment " + env);
      return Nnc.USAGE;
    }
    try {
      AnimatedGif.write(result.firstEpisode().stream().map(scene.get()::draw).toList(), scene.get().frameDelay(), gif);
      return Nnc.OK;
    } catch (IOException e) {
      err.println("error: cannot write " + gif + ": " + e.getMessage());
      return Nnc.PROGRAM_ERRORS;
    }
  }
}
