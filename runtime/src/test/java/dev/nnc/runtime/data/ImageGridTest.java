package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
  @TempDir Path dir;

  @Test
  void drawsEightImagesARowEnlargedWithCaptions() throws IOException {
    double[][] rows = new double[10][];
    for (int r = 0; r < rows.length; r++) {
      int brightness = r;
      rows[r] = IntStream.range(0, 16 * 16).mapToDouble(i -> i % 16 * brightness).toArray();
    }
    Dataset data = Records.of(List.of(Field.floats("image", 16, 16, 1)), rows);
    Path png = dir.resolve("out/grid.png");

    ImageGrid.write(png, data.batches(10, 0, 0).next(), "image",
        IntStream.range(0, 10).mapToObj(i -> "label " + i).toList());

    BufferedImage grid = ImageIO.read(png.toFile());
    // 16-pixel images are enlarged 4 times; cells have a 4-pixel gap and a 14-pixel caption.
    assertEquals(4 + 8 * (64 + 4), grid.getWidth());
    assertEquals(4 + 2 * (64 + 14 + 4), grid.getHeight());
  }

  @Test
  void drawsOnlyFloatFieldsWithOneOrThreeChannels() {
    assertTrue(ImageGrid.canDraw(Field.floats("image", 28, 28, 1)));
    assertTrue(ImageGrid.canDraw(Field.floats("image", 32, 32, 3)));
    assertFalse(ImageGrid.canDraw(Field.floats("x", 784)));
    assertFalse(ImageGrid.canDraw(Field.ints("image", 28, 28, 1)));
    assertFalse(ImageGrid.canDraw(Field.floats("image", 8, 8, 4)));
  }
}
