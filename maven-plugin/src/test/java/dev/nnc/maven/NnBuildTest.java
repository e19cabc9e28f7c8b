package dev.nnc.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nnc.compiler.diag.HumanRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NnBuildTest {
  private static final String XOR = """
      model Xor(hidden: int = 8) {
        input x: float[2]
        output y = x -> dense(hidden) -> tanh -> dense(1)
      }
      """;
  private static final String AUTOENCODER = """
      model Autoencoder {
        input x: float[16]
        output y = x -> dense(4) -> relu -> dense(16)
      }
      """;
  private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

  @TempDir Path dir;
  Path sources;
  Path out;

  @BeforeEach
  void sources() throws IOException {
    sources = Files.createDirectories(dir.resolve("src/main/nn"));
    out = dir.resolve("target/generated-sources/nnc");
    Files.writeString(sources.resolve("xor.nn"), XOR);
    Files.writeString(sources.resolve("autoencoder.nn"), AUTOENCODER);
  }

  private NnBuild.Result build() throws IOException {
    return new NnBuild(sources, out, "demo", dir.resolve("target/nnc/main.state"), sarif()).run();
  }

  private Path sarif() {
    return dir.resolve("target/nnc/nnc.sarif");
  }

  @Test
  void writesOneClassPerModelUnderItsPackage() throws IOException {
    NnBuild.Result result = build();
    assertFalse(result.failed());
    assertEquals(List.of(out.resolve("demo/Autoencoder.java"), out.resolve("demo/Xor.java")), result.written());
    assertTrue(Files.readString(out.resolve("demo/Xor.java")).contains("public final class Xor"));
  }

  @Test
  void aSecondRunWithTheSameInputsDoesNothing() throws IOException {
    build();
    Files.setLastModifiedTime(out.resolve("demo/Xor.java"), LONG_AGO);
    NnBuild.Result second = build();
    assertTrue(second.upToDate());
    assertEquals(List.of(), second.written());
    assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve("demo/Xor.java")));
  }

  @Test
  void changingOneFileRewritesOnlyTheClassesWhoseTextChanged() throws IOException {
    build();
    Files.setLastModifiedTime(out.resolve("demo/Xor.java"), LONG_AGO);
    Files.setLastModifiedTime(out.resolve("demo/Autoencoder.java"), LONG_AGO);
    Files.writeString(sources.resolve("autoencoder.nn"), AUTOENCODER.replace("dense(4)", "dense(3)"));

    NnBuild.Result second = build();

    assertFalse(second.upToDate());
    assertEquals(List.of(out.resolve("demo/Autoencoder.java")), second.written());
    assertEquals(List.of(out.resolve("demo/Xor.java")), second.unchanged());
    assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve("demo/Xor.java")));
    assertTrue(Files.readString(out.resolve("demo/Autoencoder.java")).contains("\"units\", 3"));
  }

  @Test
  void aRemovedModelsClassIsDeleted() throws IOException {
    build();
    Files.delete(sources.resolve("autoencoder.nn"));
    NnBuild.Result second = build();
    assertEquals(List.of(out.resolve("demo/Autoencoder.java")), second.deleted());
    assertFalse(Files.exists(out.resolve("demo/Autoencoder.java")));
    assertTrue(Files.exists(out.resolve("demo/Xor.java")));
  }

  @Test
  void aDeletedOutputIsWrittenAgainThoughNoInputChanged() throws IOException {
    build();
    Files.delete(out.resolve("demo/Xor.java"));
    NnBuild.Result second = build();
    assertEquals(List.of(out.resolve("demo/Xor.java")), second.written());
  }

  @Test
  void errorsAreReportedWithTheirPositionAndTheNextRunCompilesAgain() throws IOException {
    Files.writeString(sources.resolve("xor.nn"), XOR.replace("-> tanh", "-> tahn"));
    NnBuild.Result failed = build();
    assertTrue(failed.failed());
    assertEquals(List.of(), failed.written());
    String rendered = HumanRenderer.render(failed.diagnostics().get(0));
    assertTrue(rendered.startsWith(sources.resolve("xor.nn") + ":3:36: error[NN0101]: unknown name `tahn`"), rendered);

    NnBuild.Result again = build();
    assertTrue(again.failed(), "a failed run must not be remembered as up to date");
  }

  @Test
  void eachCompilingRunWritesItsDiagnosticsAsSarif() throws IOException {
    Files.writeString(sources.resolve("xor.nn"), XOR.replace("-> tanh", "-> tahn"));
    build();
    JsonObject log = JsonParser.parseString(Files.readString(sarif())).getAsJsonObject();
    assertEquals("2.1.0", log.get("version").getAsString());
    JsonObject run = log.getAsJsonArray("runs").get(0).getAsJsonObject();
    assertEquals("nnc", run.getAsJsonObject("tool").getAsJsonObject("driver").get("name").getAsString());
    JsonArray results = run.getAsJsonArray("results");
    assertEquals(1, results.size(), results::toString);
    JsonObject result = results.get(0).getAsJsonObject();
    assertEquals("NN0101", result.get("ruleId").getAsString());
    assertEquals("error", result.get("level").getAsString());
    JsonObject location = result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
    assertEquals(sources.resolve("xor.nn").toUri().toString(), location.getAsJsonObject("artifactLocation").get("uri").getAsString());
    assertEquals(3, location.getAsJsonObject("region").get("startLine").getAsInt());
    assertEquals(36, location.getAsJsonObject("region").get("startColumn").getAsInt());

    Files.writeString(sources.resolve("xor.nn"), XOR);
    build();
    JsonObject clean = JsonParser.parseString(Files.readString(sarif())).getAsJsonObject();
    assertEquals(0, clean.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results").size(),
        "a clean build's report has no results");
  }
}
