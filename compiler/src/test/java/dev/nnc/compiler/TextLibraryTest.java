package dev.nnc.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.compiler.check.ModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The models of {@code std.text}: shapes and Keras parameter counts where they are used. */
class TextLibraryTest {
  private static CheckedProgram program;

  @BeforeAll
  static void check() throws Exception {
    program = CheckedProgram.of("text.nn");
  }

  private static ModelInstance model(String name) {
    return program.model(name);
  }

  @Test
  void charLmPredictsEveryStep() {
    ModelInstance lm = model("Lm");
    assertEquals("float[batch, 100, 98]", lm.outputs().get("logits").toString());
    // Embedding 98x64: 6,272; LSTM(256) on 64: 4*(64*256 + 256*256 + 256) = 328,704; on 256:
    // 4*(256*256 + 256*256 + 256) = 525,312; Dense(98) on 256: 25,186.
    assertEquals(6_272 + 328_704 + 525_312 + 25_186, lm.trainable());
  }

  @Test
  void gruClassifierGivesOneLogitPerClass() {
    ModelInstance classifier = model("Classifier");
    assertEquals("float[batch, 2]", classifier.outputs().get("logits").toString());
    // Embedding 20000x64: 1,280,000; GRU(128) on 64: 3*(64*128 + 128*128) + 6*128 = 74,496; Dense: 258.
    assertEquals(1_280_000 + 74_496 + 258, classifier.trainable());
  }

  @Test
  void seq2seqPredictsEveryTargetStepFromTheEncodersStates() throws Exception {
    ModelInstance translator = CheckedProgram.of("states.nn").model("Translator");
    assertEquals("float[batch, 5, 14]", translator.outputs().get("logits").toString());
    // Embeddings 15x16 and 14x16: 240 + 224; two LSTM(32) on 16: 2 * 4*(16*32 + 32*32 + 32) = 12,544;
    // Dense(14) on 32: 462. The states the decoder starts from are not weights.
    assertEquals(240 + 224 + 12_544 + 462, translator.trainable());
  }

  @Test
  void skipGramScoresAPair() {
    ModelInstance words = model("Words");
    assertEquals("float[batch]", words.outputs().get("logit").toString());
    assertEquals(2 * 10_000 * 128, words.trainable());
  }
}
