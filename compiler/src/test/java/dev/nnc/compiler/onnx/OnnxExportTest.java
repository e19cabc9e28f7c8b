package dev.nnc.compiler.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.lower.Ir;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.infer.ExportedWeights.Weight;
import dev.nnc.cli.Nnc;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code nnc onnx} refuses, and how it says so. That the ONNX it writes computes what the
 * SavedModel computes is held by the samples' OnnxExportTest, in ONNX Runtime.
 */
class OnnxExportTest {
  private static Ir.Graph graph(String model, String body) {
    String source = "model " + model + " {\n  input image: float[8, 8, 3]\n" + body + "\n}\n";
    Compilation c = Compilation.of(new SourceFile("t.nn", source), List.of());
    assertTrue(c.succeeded(), c.diagnostics().toString());
    return c.lowered().graphs().stream().filter(g -> g.model().equals(model)).findFirst().orElseThrow();
  }

  @Test
  void aLayerOnnxExportDoesNotCoverIsNamedWithItsPlace() {
    Ir.Graph g = graph("Norm", "  output y = image -> relu -> lrn -> flatten");
    OnnxException e = assertThrows(OnnxException.class, () -> OnnxExport.write(g, Map.of(), "test"));
    assertTrue(e.getMessage().startsWith("t.nn:3:"), e.getMessage());
    assertTrue(e.getMessage().contains("lrn (lrn) cannot be written to ONNX"), e.getMessage());
    assertTrue(e.getMessage().contains("it covers " + String.join(", ", Layers.COVERED)), e.getMessage());
  }

  @Test
  void aWeightMissingFromTheExportIsNamedByItsPath() {
    Ir.Graph g = graph("Head", "  output y = image -> flatten -> dense(4)");
    OnnxException e = assertThrows(OnnxException.class, () -> OnnxExport.write(g, Map.of(), "test"));
    assertTrue(e.getMessage().contains("the export has no weight dense.kernel for dense dense"), e.getMessage());
  }

  @Test
  void aModelWithItsWeightsIsAModelProtoOfOpset17() {
    Ir.Graph g = graph("Head", "  output y = image -> flatten -> dense(4, bias: false)");
    byte[] model = OnnxExport.write(g, Map.of("dense.kernel", new Weight(new long[] {192, 4}, new float[192 * 4])), "test");
    // ModelProto starts with ir_version (field 1, varint) = 8; the weights are in it as raw floats.
    assertEquals(0x08, model[0]);
    assertEquals(8, model[1]);
    assertTrue(model.length > 192 * 4 * 4, "the kernel's values are in the file");
  }

  @Test
  void aFolderWithoutAnExportIsAnErrorSayingWhatIsMissing(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code = Nnc.run(new String[] {"onnx", "--model", dir.toString(), "-o", dir.resolve("m.onnx").toString()},
        new PrintWriter(new StringWriter()), new PrintWriter(err, true));
    assertEquals(Nnc.PROGRAM_ERRORS, code);
    assertTrue(err.toString().contains("holds no SavedModel: saved_model.pb is missing"), err.toString());
  }
}
