package dev.nnc.cli;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.Job;
import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.check.StepJob;
import dev.nnc.compiler.lower.Ir;
import dev.nnc.compiler.onnx.OnnxException;
import dev.nnc.compiler.onnx.OnnxExport;
import dev.nnc.runtime.infer.ExportedWeights;
import dev.nnc.runtime.infer.InferenceException;
import dev.nnc.runtime.infer.ModelInfo;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "onnx", description = "Writes an exported model as an ONNX model (opset 17), rebuilt from the .nn source"
    + " in its export, with its trained weights and a symbolic batch dimension.")
final class OnnxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "The exported model (a job's export: folder).")
  Path model;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The ONNX file to write.")
  Path output;

  /** The model of a job, the prefix of its variables in the export. */
  private record Exported(ModelInstance instance, String variables) {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      Path version = exportVersion();
      ModelInfo info = ModelInfo.read(version);
      if (info.source().isEmpty()) {
        err.println("error: " + model + " holds no .nn source: export it again with this nnc");
        return Nnc.PROGRAM_ERRORS;
      }
      Compilation c = options.compile(version.resolve("assets").resolve(info.source()), err);
      if (c == null || !c.succeeded()) {
        return Nnc.PROGRAM_ERRORS;
      }
      Optional<Exported> exported = exported(c, info.job(), model, version);
      if (exported.isEmpty()) {
        err.println("error: the source in " + model + " has no job " + info.job() + " that exports a model");
        return Nnc.PROGRAM_ERRORS;
      }
      Ir.Graph graph = c.lowered().graphOf(exported.get().instance());
      List<String> inputs = graph.inputs().stream().map(Ir.Tensor::name).toList();
      List<String> signature = info.inputs().stream().map(ModelInfo.Tensor::name).toList();
      if (!inputs.equals(signature)) {
        err.println("error: the SavedModel in " + model + " takes " + signature + " but its model " + graph.model()
            + " takes " + inputs);
        return Nnc.PROGRAM_ERRORS;
      }
      Map<String, ExportedWeights.Weight> weights =
          ExportedWeights.read(version).getOrDefault(exported.get().variables(), Map.of());
      byte[] onnx = OnnxExport.write(graph, weights, Version.implementation());
      Path parent = output.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.write(output, onnx);
      spec.commandLine().getOut().printf("wrote %s (%s, opset 17, %,d bytes)%n", output, graph.model(), onnx.length);
      return Nnc.OK;
    } catch (OnnxException | InferenceException e) {
      err.println("error: " + e.getMessage());
      return Nnc.PROGRAM_ERRORS;
    } catch (IOException e) {
      err.println("error: cannot write " + output + ": " + e.getMessage());
      return Nnc.PROGRAM_ERRORS;
    }
  }

  /** The version folder the export links to, so its source, description and weights agree. */
  private Path exportVersion() {
    if (!Files.isRegularFile(model.resolve("saved_model.pb"))) {
      throw new InferenceException(model + " holds no SavedModel: saved_model.pb is missing (export a model with"
          + " `export: \"" + model + "\"` in a train job)");
    }
    try {
      return model.toRealPath();
    } catch (IOException e) {
      throw new InferenceException("cannot read " + model + ": " + e.getMessage(), e);
    }
  }

  /**
   * The model job {@code name} exported to this folder: a declarative job's (its variables under
   * {@code model}), or that of the step job's export whose folder is this one (under its name): the
   * same folder, else one of the same name (the job ran in another directory).
   */
  private static Optional<Exported> exported(Compilation c, String name, Path folder, Path version) {
    for (Job job : c.program().jobs()) {
      if (job.decl().name().name().equals(name)) {
        return Optional.of(new Exported(job.model(), "model"));
      }
    }
    for (StepJob job : c.program().stepJobs()) {
      if (!job.decl().name().name().equals(name)) {
        continue;
      }
      String chosen = job.exports().size() == 1 ? job.exports().keySet().iterator().next() : null;
      for (Map.Entry<String, String> export : job.exports().entrySet()) {
        Path written = Path.of(export.getValue());
        if (sameFolder(written, version) || (chosen == null && written.getFileName().equals(folder.getFileName()))) {
          chosen = export.getKey();
        }
      }
      String let = chosen;
      return job.models().stream().filter(m -> m.name().equals(let)).findFirst()
          .map(m -> new Exported(m.instance(), m.name()));
    }
    return Optional.empty();
  }

  private static boolean sameFolder(Path written, Path version) {
    try {
      return Files.exists(written) && written.toRealPath().equals(version);
    } catch (IOException e) {
      return false;
    }
  }
}
