package dev.nnc.cli;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.StepJob;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "play", description = "Plays episodes of an environment with an exported policy (greedily) or at random,"
    + " and prints the mean, lowest and highest return: `nnc play --env cartpole --random --episodes 1000` is the"
    + " random baseline.")
final class PlayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions options;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
      description = "A .nn file whose train job with `env:` names the environment (instead of --env).")
  Path file;

  @Option(names = "--job", paramLabel = "NAME", description = "The job of FILE whose environment to play (needed when it has several).")
  String job;

  @Option(names = "--env", paramLabel = "NAME",
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
    if ((file == null) == (env == null)) {
      err.println("error: say which environment: --env NAME, or a .nn file whose train job has `env:` (not both)");
      return Nnc.USAGE;
    }
    if (file != null) {
      env = jobEnvironment(err);
      if (env == null) {
        return Nnc.PROGRAM_ERRORS;
      }
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

  /** The environment of FILE's train job with {@code env:} (chosen by --job among several); null after an error. */
  private String jobEnvironment(PrintWriter err) {
    Compilation c = options.compile(file, err);
    if (c == null || !c.succeeded()) {
      return null;
    }
    List<StepJob> acting = c.program().stepJobs().stream().filter(j -> j.acting() != null).toList();
    String chosen = JobChoice.choose(file, "train", acting.stream().map(j -> j.decl().name().name()).toList(), job, err);
    if (chosen == null) {
      return null;
    }
    return acting.stream().filter(j -> j.decl().name().name().equals(chosen)).findFirst().orElseThrow().acting().env();
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
