package dev.nnc.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.run.GeneratedProgram;
import dev.nnc.compiler.run.InMemoryJavaCompiler;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.train.TrainSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names, strings and comments from a {@code .nn} file can neither inject code into the generated
 * Java nor break its compilation: each hostile program here is emitted, compiled in memory, loaded,
 * and shown to mean what its source says.
 */
class HostileSourceTest {
  @TempDir Path dir;

  /**
   * A model, its input, layer, output and hyper-parameter, a data block, its split and field, and a
   * job, all named after {@code name}: each kind of generated class, field, parameter and local.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      // Java keywords and literals, and names of the generated code's own parameters and locals
      "class", "int", "new", "return", "var", "record", "yield", "net", "inputs", "out", "result", "v", "x",
      "x2", "r", "data", "model", "spec", "main", "apply", "build", "OUTPUTS", "Outputs", "__", "_x",
      // java.lang classes the generated code names unqualified, and runtime classes it imports
      "Override", "Math", "Double", "Long", "String", "Object", "List", "Layer", "Field", "Path", "Generated",
      "Builtins", "TrainSpec", "DataContext", "Net"})
  void everyNameCompilesAndMeansItsSource(String name) throws Exception {
    GeneratedProgram program = compiled("""
        model %1$s(%1$s_h: int = 3) {
          input %1$s_in: float[2]
          let %1$s_l = dense(%1$s_h)
          output %1$s = %1$s_in -> %1$s_l -> relu -> dense(1)
        }
        data %1$s_ {
          %1$s = records {
            %1$s_f: float[2], t: float[1]
            [0, 1] [1]
            [1, 0] [0]
          }
        }
        train %1$s__ {
          model: %1$s()
          data: %1$s_.%1$s
          feed: %1$s_in = %1$s_f
          loss: mse(%1$s, t)
          optimizer: sgd
          batch: 2
          epochs: 1
        }
        """.formatted(name));
    TrainSpec spec = (TrainSpec) program.jobSpec(name + "__");
    assertEquals(name + "__", spec.jobName());
    assertEquals(List.of(name), spec.outputs());
    assertEquals(name + "_f", spec.fieldFor(name + "_in"));
    assertEquals(List.of(name + "_f", "t"), spec.data().fields().stream().map(Field::name).toList());
  }

  /** {@code xor} and {@code Xor} would be one Java class (and one file on macOS): an error naming both. */
  @Test
  void namesThatBecomeOneJavaClassAreAnError() {
    Compilation c = Compilation.of(new SourceFile("case.nn", """
        model xor { input x: float[2]  output y = x -> dense(1) }
        model Xor { input x: float[2]  output y = x -> dense(2) }
        """), List.of());
    assertFalse(c.succeeded());
    assertEquals("""
        case.nn:2:7: error[NN0102]: `Xor` and `xor` would both become the Java class Xor
          |
        1 | model xor { input x: float[2]  output y = x -> dense(1) }
          |       --- declared here
        2 | model Xor { input x: float[2]  output y = x -> dense(2) }
          |       ^^^
          = help: rename one of them; names that differ only in case or in underscores clash in Java
        """, HumanRenderer.render(c.diagnostics().get(0)));
  }

  /** Identifiers are ASCII; a unicode letter is a syntax error with its place, never a crash. */
  @Test
  void aUnicodeNameIsASyntaxError() {
    Compilation c = Compilation.of(new SourceFile("u.nn", "model Modèle { input x: float[2]  output y = x }\n"), List.of());
    assertFalse(c.succeeded());
    String rendered = c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining());
    assertTrue(rendered.startsWith("u.nn:1:"), rendered);
  }

  /**
   * A doc comment is copied into the model's Javadoc, and the file's name into a comment of every
   * class: a comment end, a Unicode escape of a line break (which javac reads even inside comments),
   * line breaks and HTML in them must stay text.
   */
  @Test
  void aDocCommentCannotEndTheJavadoc() throws Exception {
    GeneratedProgram program = compiled("evil *\\u002f \\u000a \r\n.nn", """
        /// evil */ public static int x = 1; /* \\u000a static { System.exit(3); } \\u002a/ <b> \\
        model M { input x: float[2]  output y = x -> dense(1) }
        data d { train = records { x: float[2], t: float[1]  [0, 1] [1] } }
        train j { model: M()  data: d.train  loss: mse(y, t)  optimizer: sgd  batch: 1  epochs: 1 }
        """);
    assertEquals("j", ((TrainSpec) program.jobSpec("j")).jobName());
  }

  /**
   * A file name with quotes, backslashes, a comment end, a Unicode escape and a line break reaches
   * the data source exactly: the records load from that very file.
   */
  @Test
  void aHostileFileNameReachesTheReaderExactly() throws Exception {
    String folder = "we\"ird \\ *";
    String file = "b\\u000a\n\\\".csv";
    Path csv = Files.createDirectories(dir.resolve(folder)).resolve(file);
    Files.writeString(csv, "1,2,3\n4,5,6\n");
    String literal = (folder + "/" + file).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    GeneratedProgram program = compiled("""
        data d { train = csv("%s", header: false, x: columns(0..2), y: column(2)) }
        """.formatted(literal));
    Dataset data = (Dataset) program.dataSplit("d", "train");
    assertEquals(2, data.size());
  }

  /** Strings in the job (a metric's name, an export path) come out as the same strings. */
  @Test
  void aHostileExportPathIsKeptAsWritten() throws Exception {
    String path = "out/\"q\" \\u000a */ \\\\ x";
    GeneratedProgram program = compiled("""
        model M { input x: float[2]  output y = x -> dense(1) }
        data d { train = records { x: float[2], t: float[1]  [0, 1] [1] } }
        train j { model: M()  data: d.train  loss: mse(y, t)  optimizer: sgd  batch: 1  epochs: 1
                  export: "%s" }
        """.formatted(path.replace("\\", "\\\\").replace("\"", "\\\"")));
    TrainSpec spec = (TrainSpec) program.jobSpec("j");
    assertEquals(path, spec.export().orElseThrow());
  }

  private GeneratedProgram compiled(String text) throws Exception {
    return compiled("hostile.nn", text);
  }

  /** {@code text} written to {@code file}, checked, emitted, compiled in memory and loaded. */
  private GeneratedProgram compiled(String file, String text) throws Exception {
    Path source = Files.writeString(dir.resolve(file), text);
    Compilation c = Compilation.of(new SourceFile(source.toString(), text), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    List<JavaFile> files = Emitter.emit(c.program(), null);
    InMemoryJavaCompiler.compile(files);
    return GeneratedProgram.compile(c.program(), List.of());
  }
}
