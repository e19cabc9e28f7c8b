package dev.nnc.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.compiler.check.ModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models of {@code std.transformer} against the PyTorch modules they mirror: the same number of
 * parameters for the same widths. Each reference is {@code sum(p.numel() for p in m.parameters())}
 * of the module named, built as the comment says.
 */
class TransformerLibraryTest {
  private static CheckedProgram program;

  @BeforeAll
  static void check() throws Exception {
    program = CheckedProgram.of("transformer.nn");
  }

  private static long count(String model) {
    ModelInstance m = program.model(model);
    assertEquals(0, m.nonTrainable(), model + " non-trainable");
    return m.trainable();
  }

  @Test
  void encoderBlockMatchesTransformerEncoderLayer() {
    // nn.TransformerEncoderLayer(64, 4, 128, norm_first=True): attention 16,640, linear layers
    // 8,320 + 8,256, two layer norms 256.
    assertEquals(33_472, count("Encoder"));
    assertEquals(33_472, count("CausalEncoder"));
  }

  @Test
  void decoderBlockMatchesTransformerDecoderLayer() {
    // nn.TransformerDecoderLayer(64, 4, 128, norm_first=True): two attentions, two linear layers,
    // three layer norms.
    assertEquals(50_240, count("Decoder"));
  }

  @Test
  void gptMatchesItsPyTorchParts() {
    // nn.Embedding(65, 64) + 64 positions of 64 + 2 x nn.TransformerEncoderLayer(64, 4, 256,
    // norm_first=True) + nn.LayerNorm(64) + nn.Linear(64, 65).
    assertEquals(112_577, count("CharGpt"));
  }

  @Test
  void vitMatchesItsPyTorchParts() {
    // nn.Conv2d(1, 64, 4, stride=4) on 28x28 (49 patches) + a class token of 64 + 50 positions of 64
    // + 6 x nn.TransformerEncoderLayer(64, 4, 128, norm_first=True) + nn.LayerNorm(64) + nn.Linear(64, 10).
    assertEquals(205_962, count("FashionVit"));
  }
}
