package dev.nnc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.source.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The lowered IR of the test programs, printed, against golden files in {@code src/test/resources/lower/}.
 * After an intended change, regenerate them with {@code -Dnnc.updateGoldens=true} and review the diff.
 */
class LoweringTest {
  private static final boolean UPDATE = Boolean.getBoolean("nnc.updateGoldens");

  @TestFactory
  Stream<DynamicTest> loweredProgramsPrintAsTheirGoldenFiles() {
    return Stream.of("shapes.nn", "text.nn").map(name -> DynamicTest.dynamicTest(name, () -> {
      Path file = Path.of("src/test/resources/programs", name);
      Compilation c = Compilation.of(new SourceFile(file.toString(), Files.readString(file)), List.of());
      assertTrue(c.succeeded(), () -> c.diagnostics().toString());
      String printed = c.lowered().toString();
      Path golden = Path.of("src/test/resources/lower", name.replace(".nn", ".ir"));
      if (UPDATE) {
        Files.writeString(golden, printed);
      }
      assertEquals(Files.readString(golden), printed);
    }));
  }

  private static Ir.Module lower(String text) {
    Compilation c = Compilation.of(new SourceFile("t.nn", text), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().toString());
    return c.lowered();
  }

  @Test
  void aModelAppliedAsALayerIsItsOwnGraphPerInstanceAndComesFirst() {
    Ir.Module module = lower("""
        model Block(units: int) {
          input x: float[n]
          output y = x -> dense(units) -> relu
        }
        model Net {
          input x: float[4]
          output y = x -> Block(8) -> Block(2)
        }
        """);
    List<String> ids = module.graphs().stream().map(Ir.Graph::id).toList();
    assertEquals(List.of("Block", "Block.2", "Net"), ids);
    Ir.Graph net = module.graphs().get(2);
    Ir.Node second = net.nodes().get(1);
    Ir.Graph callee = ((Ir.Apply) second.op()).callee();
    assertEquals(2L, callee.hyper().get("units"));
    assertEquals("float[batch, 8]", second.operands().get(0).type().toString(), "the edge carries the tensor's type");
    assertEquals("float[batch, 2]", second.type().toString());
    assertEquals(8 * 2 + 2, callee.trainable());
    assertEquals(4 * 8 + 8 + 8 * 2 + 2, net.trainable());
  }

  @Test
  void aSharedLayerIsOneNodeWithEveryInputAndEveryPlaceItIsApplied() {
    Ir.Module module = lower("""
        model Siamese {
          input a: float[3]
          input b: float[3]
          let encode = dense(5)
          output y = (a -> encode) + (b -> encode)
        }
        """);
    Ir.Graph g = module.graphs().get(0);
    Ir.Node encode = g.nodes().get(0);
    assertEquals("encode", encode.name());
    assertEquals(List.of("a", "b"), encode.operands().stream().map(Ir.Tensor::name).toList());
    assertEquals(2, encode.at().size());
    assertEquals(encode, module.nodeAt(encode.at().get(1)).orElseThrow());
    assertEquals(3 * 5 + 5, g.trainable(), "one set of weights");
  }
}
