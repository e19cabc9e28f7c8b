package dev.nnc.runtime.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.Images;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code nnc predict} says of an image file it will not read. */
class InputFilesTest {
  private static final ModelInfo.Tensor IMAGE =
      new ModelInfo.Tensor("image", ElementType.FLOAT, new long[] {28, 28, 1}, "none", 0, 1, List.of());

  @TempDir Path dir;

  @Test
  void anImageOverThePixelLimitIsRefusedForItsSizeNotCalledDamaged() throws IOException {
    Path png = dir.resolve("wide.png");
    ImageIO.write(new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    assertEquals(1, InputFiles.read(png, IMAGE).size());
    Images.maxPixels(599);
    try {
      DataException e = assertThrows(DataException.class, () -> InputFiles.read(png, IMAGE));
      assertEquals(png + ": the image is 30 x 20 pixels (600), more than the limit of 599 pixels; it was not decoded"
          + " (raise the limit with --max-pixels if the image is meant)", e.getMessage());
    } finally {
      Images.maxPixels(Images.DEFAULT_MAX_PIXELS);
    }
  }
}
