package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {
  @TempDir Path dir;

  /** A {@code width × height} image of one colour, as a file of {@code format}. */
  private Path image(String path, int width, int height, Color color, String format) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, color.getRGB());
      }
    }
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    ImageIO.write(image, format, file.toFile());
    return file;
  }

  @Test
  void labelsImagesByTheirSortedClassFoldersAndResizesThem() throws IOException {
    image("pets/dog/1.png", 6, 4, new Color(10, 20, 30), "png");
    image("pets/cat/b.PNG", 3, 3, new Color(200, 100, 0), "png");
    image("pets/cat/a.jpg", 2, 5, Color.WHITE, "jpg");
    Files.writeString(dir.resolve("pets/cat/notes.txt"), "not an image");

    Dataset data = Images.load(dir.resolve("pets"), 2, 2, 3);

    assertEquals(List.of(Field.floats("image", 2, 2, 3), Field.ints("label")), data.fields());
    assertEquals(List.of("cat", "dog"), data.vocabulary("label"));
    Batch batch = data.batches(3, 0, 0).next();
    assertArrayEquals(new int[] {0, 0, 1}, batch.ints("label"));
    float[] pixels = batch.floats("image");
    assertArrayEquals(new float[] {200, 100, 0}, java.util.Arrays.copyOfRange(pixels, 12, 15));
    assertArrayEquals(new float[] {10, 20, 30}, java.util.Arrays.copyOfRange(pixels, 33, 36));
    assertTrue(pixels[0] > 250, "white JPEG pixel " + pixels[0]);
  }

  @Test
  void makesGreyImagesWithOneChannel() throws IOException {
    image("grey/a/1.png", 2, 2, new Color(100, 150, 200), "png");

    float[] pixels = Images.load(dir.resolve("grey"), 1, 1, 1).batches(1, 0, 0).next().floats("image");
    assertArrayEquals(new float[] {Math.round(0.299f * 100 + 0.587f * 150 + 0.114f * 200)}, pixels);
  }

  @Test
  void reportsAnImageThatCannotBeRead() throws IOException {
    image("bad/a/fine.png", 2, 2, Color.RED, "png");
    Path broken = Files.writeString(dir.resolve("bad/a/broken.png"), "these are not PNG bytes");

    DataException e = assertThrows(DataException.class, () -> Images.load(dir.resolve("bad"), 2, 2, 3));
    assertEquals(broken + ": expected a PNG or JPEG image, found a file in no image format Java can read",
        e.getMessage());
  }

  @Test
  void reportsAFolderWithoutClassesAClassWithoutImagesAndAMissingFolder() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertEquals(empty + ": expected one sub-folder per class holding PNG or JPEG images, found no sub-folders",
        assertThrows(DataException.class, () -> Images.load(empty, 2, 2, 3)).getMessage());

    image("some/a/1.png", 2, 2, Color.RED, "png");
    Path noImages = Files.createDirectories(dir.resolve("some/b"));
    assertEquals(noImages + ": expected PNG or JPEG images in this class folder, found none",
        assertThrows(DataException.class, () -> Images.load(dir.resolve("some"), 2, 2, 3)).getMessage());

    Path missing = dir.resolve("missing");
    assertEquals(missing + ": expected a folder with one sub-folder per class, found nothing",
        assertThrows(DataException.class, () -> Images.load(missing, 2, 2, 3)).getMessage());
  }
}
