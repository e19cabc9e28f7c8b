package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nnc data}: what it prints and draws, and how it reports bad data. */
class DataCommandTest {
  @TempDir Path dir;

  private record Run(int status, String out, String err) {}

  private static Run nnc(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Nnc.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  private Path program(String text) throws Exception {
    return Files.writeString(dir.resolve("data.nn"), text);
  }

  private void image(String path) throws Exception {
    Files.createDirectories(dir.resolve(path).getParent());
    ImageIO.write(new BufferedImage(6, 6, BufferedImage.TYPE_INT_RGB), "png", dir.resolve(path).toFile());
  }

  @Test
  void printsFieldsRangesAndFirstRecordsAndDrawsTheImages() throws Exception {
    image("pets/cat/1.png");
    image("pets/dog/1.png");
    image("pets/dog/2.png");
    Path program = program("""
        data pets {
          train = images("pets", size: [8, 8]) | map(image: image / 255)
        }
        """);
    Path grids = dir.resolve("grids");

    Run run = nnc("data", program.toString(), "pets.train", "-n", "2", "-o", grids.toString());

    assertEquals(0, run.status(), run.err());
    assertEquals("""
        pets.train: 3 records
          field  type            min  max  mean
          image  float[8, 8, 3]  0    0    0
          label  int             0    1    0.6667  2 classes: cat, dog
        first 2 records:
          1  image: [0, 0, 0, 0, 0, 0, … 192 values]  label: 0 (cat)
          2  image: [0, 0, 0, 0, 0, 0, … 192 values]  label: 1 (dog)
        wrote %s: the first 3 images of image, labelled by label
        """.formatted(grids.resolve("pets.train.png")), run.out());
    BufferedImage grid = ImageIO.read(grids.resolve("pets.train.png").toFile());
    assertEquals(4 + 3 * (64 + 4), grid.getWidth());
  }

  @Test
  void namesEverySplitWhenAskedForOneThereIsNot() throws Exception {
    Path program = program("""
        data noise {
          a = normal([2]) | take(3)
          b = uniform([2]) | take(3) | split(0.5)
        }
        """);

    Run run = nnc("data", program.toString(), "noise.c");
    assertEquals(1, run.status());
    assertEquals("error: " + program + " has no data noise.c; it has noise.a, noise.b.first, noise.b.rest\n", run.err());
    Run parts = nnc("data", program.toString(), "noise.b");
    assertEquals(0, parts.status(), parts.err());
    assertTrue(parts.out().contains("noise.b.first: 2 records") && parts.out().contains("noise.b.rest: 1 records"), parts.out());
  }

  @Test
  void badDataIsAnErrorNamingTheFileNeverAStackTrace() throws Exception {
    Files.writeString(dir.resolve("rows.csv"), "1,2\n3,x\n");
    Files.write(dir.resolve("cut.bin"), new byte[3073 + 5]);
    Files.createDirectories(dir.resolve("empty"));
    Files.createDirectories(dir.resolve("broken/a"));
    Files.writeString(dir.resolve("broken/a/1.png"), "not a picture");
    Path program = program("""
        data bad {
          rows = csv("rows.csv", x: columns(0..2))
          cut = cifar("cut.bin")
          empty = images("empty", size: 8)
          broken = images("broken", size: 8)
        }
        """);
    List<String> expected = List.of(
        dir.resolve("rows.csv") + ":2: column 1 (field x): expected a number, found \"x\"",
        dir.resolve("cut.bin") + ": truncated: CIFAR-10 records are 3,073 bytes",
        dir.resolve("empty") + ": expected one sub-folder per class",
        dir.resolve("broken/a/1.png") + ": expected a PNG or JPEG image");
    List<String> splits = List.of("rows", "cut", "empty", "broken");

    for (int i = 0; i < splits.size(); i++) {
      Run run = nnc("data", program.toString(), "bad." + splits.get(i));
      assertEquals(1, run.status(), run.out() + run.err());
      assertTrue(run.err().startsWith("error: " + expected.get(i)), run.err());
      assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }
  }
}
