package dev.nnc.compiler.run;

import com.palantir.javapoet.JavaFile;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.emit.Emitter;
import dev.nnc.runtime.data.DataContext;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import dev.nnc.runtime.train.TrainSpec;
import dev.nnc.runtime.train.Trainer;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;

/** Runs a checked train job: emit its Java, compile it in memory, and hand its spec to the trainer. */
public final class JobRunner {
  private JobRunner() {}

  public static TrainResult run(Program program, String jobName, List<Path> dataDirs, TrainOptions options) {
    List<JavaFile> files = Emitter.emit(program, null);
    ClassLoader loader = InMemoryJavaCompiler.compile(files);
    Path sourceDir = Path.of(program.unit().file().name()).toAbsolutePath().getParent();
    DataContext data = DataContext.of(sourceDir, dataDirs);
    TrainSpec spec;
    try {
      Class<?> job = loader.loadClass(Emitter.jobClass(program, null, jobName));
      spec = (TrainSpec) job.getMethod("spec", DataContext.class).invoke(null, data);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the generated job " + jobName, e);
    }
    return Trainer.run(spec, options);
  }
}
