package dev.nnc.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.compiler.check.ModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models of {@code std.vision} against their reference implementations: the same numbers of
 * trainable and non-trainable parameters for the same input and classes. Sources of the figures:
 * Keras applications ({@code model.summary()} of keras.applications.VGG16/VGG19/ResNet50) and
 * torchvision ({@code sum(p.numel() for p in model.parameters())}, where batch-norm running statistics
 * are buffers, not parameters — our non-trainable count).
 */
class VisionLibraryTest {
  private static CheckedProgram program;

  @BeforeAll
  static void check() throws Exception {
    program = CheckedProgram.of("vision.nn");
  }

  private static ModelInstance model(String name) {
    return program.model(name);
  }

  private static void assertCounts(String model, long trainable, long nonTrainable) {
    assertEquals(trainable, model(model).trainable(), model + " trainable");
    assertEquals(nonTrainable, model(model).nonTrainable(), model + " non-trainable");
  }

  @Test
  void leNet5MatchesTheClassicCount() {
    // LeNet-5 on 32x32x1: 156 + 2,416 + 48,120 + 10,164 + 850.
    assertCounts("Lenet", 61_706, 0);
  }

  @Test
  void alexNetMatchesTorchvision() {
    assertCounts("Alex", 61_100_840, 0); // torchvision.models.alexnet()
  }

  @Test
  void vggMatchesKerasAndTorchvision() {
    assertCounts("Vgg11", 132_863_336, 0); // torchvision.models.vgg11()
    assertCounts("Vgg16", 138_357_544, 0); // keras.applications.VGG16(), and torchvision vgg16
    assertCounts("Vgg19", 143_667_240, 0); // keras.applications.VGG19()
  }

  @Test
  void googLeNetMatchesTorchvision() {
    // torchvision.models.googlenet(aux_logits=False): 6,624,904 parameters; 56 batch norms' running
    // means and variances (14,560 numbers) are buffers.
    assertCounts("Goog", 6_624_904, 14_560);
  }

  @Test
  void resNetsMatchTorchvisionAndKeras() {
    assertCounts("Res18", 11_689_512, 9_600); // torchvision.models.resnet18()
    assertCounts("Res34", 21_797_672, 17_024); // torchvision.models.resnet34()
    assertCounts("Res50", 25_583_592, 53_120); // keras.applications.ResNet50(): 25,636,712 in all
  }

  @Test
  void zfNetFollowsThePaperLayout() {
    // No reference library ships ZFNet; the count follows from its layers: conv 7x7x3x96 (14,208),
    // 5x5x96x256 (614,656), 3x3x256x384 (885,120), 3x3x384x384 (1,327,488), 3x3x384x256 (884,992),
    // dense 6x6x256 -> 4096 (37,752,832), 4096 -> 4096 (16,781,312), 4096 -> 1000 (4,097,000).
    assertCounts("Zf", 62_357_608, 0);
  }

  @Test
  void modelsBindTheirInputShapeWhereTheyAreUsed() {
    // The same ResNet18 on 28x28x1 and 10 classes: the first convolution sees 1 channel, the head 10.
    long difference = model("Res18").trainable() - model("SmallRes").trainable();
    assertEquals((7 * 7 * 3 * 64 - 7 * 7 * 64) + (512 * 1000 + 1000 - 512 * 10 - 10), difference);
  }
}
