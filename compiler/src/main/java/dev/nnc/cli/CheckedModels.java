package dev.nnc.cli;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.Job;
import dev.nnc.compiler.check.ModelInstance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checked models of a file that commands can show: each model checked on its own (every
 * hyper-parameter has a default) and each model a train job fits, as the job uses it.
 */
final class CheckedModels {
  private CheckedModels() {}

  static List<ModelInstance> all(Compilation c) {
    List<ModelInstance> all = new ArrayList<>(c.program().models().values());
    for (Job job : c.program().jobs()) {
      if (all.stream().noneMatch(m -> m.decl() == job.model().decl())) {
        all.add(job.model());
      }
    }
    return all;
  }

  /** The model named {@code name} (the first one when null), or null after saying why there is none. */
  static ModelInstance choose(Compilation c, String name, Path file, PrintWriter err) {
    List<ModelInstance> all = all(c);
    for (ModelInstance m : all) {
      if (name == null || m.decl().name().name().equals(name)) {
        return m;
      }
    }
    err.println("error: " + file + " has no model " + (name == null ? "" : name + " ") + "that can be shown"
        + " (a model needs defaults for all its hyper-parameters, or a train job that uses it)");
    return null;
  }
}
