package dev.nnc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.JavaFile;
import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.emit.Emitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java generated for every sample, byte for byte, against the golden files in
 * {@code src/test/resources/golden/}. After an intended change to the output, regenerate them with
 * {@code mvn -pl samples test -Dtest=GoldenJavaTest -Dnnc.updateGoldens=true} and review the diff.
 */
class GoldenJavaTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("nnc.updateGoldens");

  @TestFactory
  Stream<DynamicTest> generatedJavaMatchesGoldenFiles() {
    return Samples.all().stream().map(sample -> DynamicTest.dynamicTest(sample.toString(), () -> {
      Compilation c = Samples.compile(sample);
      List<JavaFile> files = Emitter.emit(c.program(), null);
      assertTrue(!files.isEmpty(), sample + " generates no Java");
      Path dir = GOLDEN.resolve(sample.toString().replaceFirst("\\.nn$", ""));
      for (JavaFile file : files) {
        Path golden = dir.resolve(file.typeSpec().name() + ".java");
        String actual = file.toString();
        if (UPDATE) {
          Files.createDirectories(dir);
          Files.writeString(golden, actual);
        }
        assertTrue(Files.exists(golden), "no golden file " + golden + "; run with -Dnnc.updateGoldens=true");
        assertEquals(Files.readString(golden), actual, "generated " + golden.getFileName() + " for " + sample);
      }
      try (Stream<Path> goldens = Files.list(dir)) {
        assertEquals(files.size(), goldens.count(), "golden files for classes " + sample + " no longer generates");
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> theSameSourceGivesTheSameBytes() {
    return Samples.all().stream().map(sample -> DynamicTest.dynamicTest(sample.toString(), () -> {
      String first = render(Samples.compile(sample));
      String second = render(Samples.compile(sample));
      assertEquals(first, second);
      assertTrue(!first.contains(Path.of("").toAbsolutePath().toString()), "generated code holds an absolute path");
    }));
  }

  private static String render(Compilation c) throws IOException {
    StringBuilder all = new StringBuilder();
    for (JavaFile file : Emitter.emit(c.program(), null)) {
      file.writeTo(all);
    }
    return all.toString();
  }
}
