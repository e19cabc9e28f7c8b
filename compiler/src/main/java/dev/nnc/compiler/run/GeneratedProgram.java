package dev.nnc.compiler.run;

import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.emit.Emitter;
import dev.nnc.runtime.data.DataContext;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;

/**
 * A checked program's Java, emitted, compiled in memory and loaded, so that {@code nnc} runs exactly
 * the code {@code nnc compile} writes. Data files are resolved as the command line resolves them.
 */
public final class GeneratedProgram {
  private final Program program;
  private final ClassLoader loader;
  private final DataContext data;

  private GeneratedProgram(Program program, ClassLoader loader, DataContext data) {
    this.program = program;
    this.loader = loader;
    this.data = data;
  }

  public static GeneratedProgram compile(Program program, List<Path> dataDirs) {
    Path sourceDir = Path.of(program.unit().file().name()).toAbsolutePath().getParent();
    return new GeneratedProgram(program, InMemoryJavaCompiler.compile(Emitter.emit(program, null)),
        DataContext.of(sourceDir, dataDirs));
  }

  /** What the train job's {@code spec(data)} builds. */
  public Object jobSpec(String job) {
    return call(Emitter.jobClass(program, null, job), "spec");
  }

  /** What the sample job's {@code spec()} builds. */
  public Object sampleSpec(String job) {
    return invoke(Emitter.sampleClass(program, null, job), "spec", new Class<?>[0]);
  }

  /** What the data block's split method builds: a {@code Dataset}, or the {@code Dataset.Parts} of a split. */
  public Object dataSplit(String block, String split) {
    return call(Emitter.dataClass(program, null, block), Emitter.splitMethod(split));
  }

  /** Calls a generated {@code static method(DataContext)}; what it throws (a DataException, say) comes through as it is. */
  private Object call(String className, String method) {
    return invoke(className, method, new Class<?>[] {DataContext.class}, data);
  }

  /** Calls a generated static method taking {@code types} with {@code args}. */
  private Object invoke(String className, String method, Class<?>[] types, Object... args) {
    try {
      return loader.loadClass(className).getMethod(method, types).invoke(null, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the generated " + className + "." + method, e);
    }
  }
}
