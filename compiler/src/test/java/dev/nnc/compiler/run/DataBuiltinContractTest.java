package dev.nnc.compiler.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.stdlib.data.DataBuiltin;
import dev.nnc.stdlib.data.DataBuiltins;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every data source and transform of the registry, by the example its definition shows users: the
 * example checks in a data block and its generated Java compiles. A new entry whose checker rule,
 * emitter rule or example is missing fails here. (What the records hold is DataPipelineTest's.)
 */
class DataBuiltinContractTest {
  /** A source with an image and a label field, for the transforms' examples to name. */
  private static final String BASE = "idx(\"images\", \"labels\")";

  @TestFactory
  Stream<DynamicTest> everyDataBuiltinsExampleChecksAndCompiles() {
    return Stream.concat(DataBuiltins.SOURCES.stream(), DataBuiltins.TRANSFORMS.stream())
        .map(b -> DynamicTest.dynamicTest(b.name(), () -> checksAndCompiles(b)));
  }

  private static void checksAndCompiles(DataBuiltin builtin) {
    String split = DataBuiltins.SOURCES.contains(builtin) ? builtin.example() : BASE + " | " + builtin.example();
    String text = "data Example {\n  all = " + split + "\n}\n";
    Compilation c = Compilation.of(new SourceFile("example.nn", text), List.of());
    assertTrue(c.succeeded(), () -> "`" + builtin.example() + "` does not check:\n"
        + c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    GeneratedProgram.compile(c.program(), List.of());
  }
}
