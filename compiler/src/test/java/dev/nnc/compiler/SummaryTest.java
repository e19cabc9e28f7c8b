package dev.nnc.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.lower.Lowering;
import dev.nnc.compiler.summary.SummaryTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parameter counts and shapes from the checker, against what Keras's {@code model.summary()} prints
 * for the same networks (the reference numbers below are Keras's; each is worked out in a comment).
 */
class SummaryTest {
  private static CheckedProgram program;

  @BeforeAll
  static void check() throws Exception {
    program = CheckedProgram.of("shapes.nn");
  }

  private static ModelInstance model(String name) {
    return program.model(name);
  }

  private static dev.nnc.compiler.check.Row row(ModelInstance m, String name) {
    return m.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void attentionMatchesKerasAndPyTorch() {
    ModelInstance m = model("Attending");
    // MultiHeadAttention(4, 16) on width 64: query, key, value and output kernels of 64*4*16 = 4,096
    // with biases of 64: 4 * 4,160 = 16,640, as torch.nn.MultiheadAttention(64, 4).
    assertEquals(16_640, row(m, "attention").trainable());
    // Over a context of width 32: query 4,160, key and value 32*64+64 = 2,112 each, output 4,160.
    assertEquals(12_544, row(m, "attention_2").trainable());
    // 2 heads of key 8 and value 4, no biases: 64*16 + 64*16 + 64*8 + 8*64 = 3,072.
    assertEquals(3_072, row(m, "attention_3").trainable());
    // position_embedding(12): 12*64 = 768; class_token: 64, one more position.
    assertEquals(768, row(m, "position_embedding").trainable());
    assertEquals(64, row(m, "class_token").trainable());
    assertEquals("[batch, 11, 64]", row(m, "class_token").output().shape().toString());
  }

  @Test
  void mlpMatchesKeras() {
    // Dense(256) on 784: 784*256+256 = 200,960; Dense(128): 32,896; Dense(10): 1,290.
    assertEquals(235_146, model("Mlp").trainable());
    assertEquals(0, model("Mlp").nonTrainable());
  }

  @Test
  void cnnMatchesKeras() {
    // Conv 5x5x1x32+32 = 832; 5x5x32x64+64 = 51,264; Dense 3136x1024+1024 = 3,212,288; 1024x10+10 = 10,250.
    ModelInstance cnn = model("Cnn");
    assertEquals(3_274_634, cnn.trainable());
    assertEquals("float[batch, 10]", cnn.outputs().get("logits").toString());
    assertEquals("[batch, 7, 7, 64]", cnn.rows().get(5).output().shape().toString());
  }

  @Test
  void batchNormHasTwoTrainableAndTwoFixedNumbersPerChannel() {
    // Conv 3x3x3x16 without bias = 432; BatchNormalization(16): 32 trainable + 32 non-trainable; Dense 16x10+10 = 170.
    ModelInstance bn = model("BnBlock");
    assertEquals(432 + 32 + 170, bn.trainable());
    assertEquals(32, bn.nonTrainable());
    assertEquals("[batch, 15, 15, 16]", bn.rows().get(0).output().shape().toString());
  }

  @Test
  void aModelUsedAsALayerCountsItsParametersOnceAndSharedLayersOnce() {
    ModelInstance tower = model("Tower");
    // Block(64) on 16x16x64: conv 3x3x64x64+64 = 36,928. Shared dense(8) on 16,384: 131,080, counted once.
    // Dense(16384) on avgpool(2)+flatten = 4,096 inputs: 4096*16384+16384 = 67,125,248.
    long block = 36_928;
    long shared = 16_384L * 8 + 8;
    long big = 4_096L * 16_384 + 16_384;
    assertEquals(block + shared + big, tower.trainable());
  }

  @Test
  void blocksUnrollAndResidualShortcutsFollowTheirCondition() {
    ModelInstance deep = model("Deep");
    // Residual(16) on 16 channels keeps the identity shortcut: 2 convs 3x3x16x16+16 (2,320 each) and
    // 2 batchnorms (64 each, half trainable) = 4,768. Residual(32, stride 2) adds a 1x1 projection
    // (544) and its batchnorm (128): 4,640 + 128 + 9,248 + 128 + 544 + 128 = 14,816.
    assertEquals(4_768, deep.rows().get(4).params());
    assertEquals(14_816, deep.rows().get(5).params());
    assertEquals("[batch, 8, 8, 64]", deep.rows().get(6).output().shape().toString());
    assertEquals(80_698, deep.trainable());
    assertEquals(640, deep.nonTrainable());
  }

  @Test
  void recurrentLayersMatchKerasCounts() {
    ModelInstance sequences = model("Sequences");
    // LSTM(64) on 28 features: 4 * (28*64 + 64*64 + 64) = 23,808. SimpleRNN(32) on 64: 64*32 + 32*32 + 32
    // = 3,104. GRU(128) on 32, reset_after: 3 * (32*128 + 128*128) + 6*128 = 62,208. Dense(10): 1,290.
    assertEquals(23_808, sequences.rows().get(0).params());
    assertEquals(3_104, sequences.rows().get(1).params());
    assertEquals(62_208, sequences.rows().get(2).params());
    assertEquals("[batch, 28, 64]", sequences.rows().get(0).output().shape().toString());
    assertEquals("[batch, 128]", sequences.rows().get(2).output().shape().toString());
    // Embedding(98, 32) = 3,136; LSTM(128) on 32: 4 * (32*128 + 128*128 + 128) = 82,432; Dense(98) on 128: 12,642.
    ModelInstance lm = model("CharLm");
    assertEquals(3_136 + 82_432 + 12_642, lm.trainable());
    assertEquals("float[batch, 40, 98]", lm.outputs().get("next").toString());
  }

  @Test
  void statefulRecurrentLayersCountNoStateAsKerasDoes() {
    ModelInstance stateless = model("Sequences");
    ModelInstance stateful = model("StatefulSequences");
    assertEquals(stateless.trainable(), stateful.trainable());
    assertEquals(0, stateful.nonTrainable());
  }

  @Test
  void decoderLayersMatchKerasShapesAndCounts() {
    ModelInstance decoder = model("Decoder");
    // Dense 16 -> 1568: 26,656. Conv2DTranspose(16, 3) on 32 channels: 3*3*16*32 + 16 = 4,624, 7x7 -> 14x14
    // (same, stride 2). Conv2DTranspose(8, 4, valid, stride 1) on 16: 4*4*8*16 + 8 = 2,056, 14 -> 17.
    // LayerNormalization(8): 16. UpSampling2D(2): 17 -> 34. Conv2D(1, 3) on 8: 73.
    assertEquals("[batch, 14, 14, 16]", decoder.rows().get(2).output().shape().toString());
    assertEquals("[batch, 17, 17, 8]", decoder.rows().get(4).output().shape().toString());
    assertEquals("[batch, 34, 34, 8]", decoder.rows().get(6).output().shape().toString());
    assertEquals(26_656 + 4_624 + 2_056 + 16 + 73, decoder.trainable());
    // Conv1D(16, 5, stride 2) on 3 channels: 5*3*16 + 16 = 256, 100 steps -> 48.
    ModelInstance signals = model("Signals");
    assertEquals("[batch, 48, 16]", signals.rows().get(0).output().shape().toString());
    assertEquals(256 + 17, signals.trainable());
  }

  @Test
  void rawParametersAreTrainableWeightsOfTheModel() {
    // w: 784 x 64, a: 784, b: 64 — a is declared but unused, and still a parameter of the model.
    ModelInstance rbm = model("Rbm");
    assertEquals(784 * 64 + 784 + 64, rbm.trainable());
    assertEquals("float[batch, 64]", rbm.outputs().get("h").toString());
  }

  @Test
  void reductionsDropTheirAxisOrGiveAScalar() {
    ModelInstance stats = model("Stats");
    assertEquals("float[batch, 4]", stats.outputs().get("m").toString());
    assertEquals("float[]", stats.outputs().get("total").toString());
    assertEquals("float[batch, 8]", stats.outputs().get("e").toString());
  }

  @Test
  void oneHotMaxoutAndLrn() {
    ModelInstance misc = model("Misc");
    assertEquals("float[batch, 4]", misc.outputs().get("a").toString());
    assertEquals("float[batch, 8]", misc.outputs().get("b").toString());
    // Dense 30 -> 12: 372; conv 3x3x3x8 + 8: 224.
    assertEquals(372 + 224, misc.trainable());
  }

  @Test
  void transposeMovesTheBatchLikeAnyAxis() {
    ModelInstance moves = model("Moves");
    assertEquals("float[6, 3]", moves.outputs().get("product").toString());
    assertEquals("int[batch]", moves.outputs().get("best").toString());
  }

  @Test
  void summaryTableListsLayersShapesAndTotals() {
    String table = SummaryTable.render(Lowering.lower(model("Mlp")));
    assertTrue(table.startsWith("Model: \"Mlp\"\n"), table);
    assertTrue(table.contains("dense (dense)               [batch, 256]                   200,960"), table);
    assertTrue(table.contains("Total params: 235,146\nTrainable params: 235,146\nNon-trainable params: 0\n"), table);
  }
}
