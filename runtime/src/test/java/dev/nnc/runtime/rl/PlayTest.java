package dev.nnc.runtime.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlayTest {
  @TempDir Path dir;

  @Test
  void playSumsUpTheReturnsOfEveryEpisode() {
    Rng rng = new Rng(1);
    Play.Result result = Play.play(Environments.mountainCar(), obs -> rng.nextInt(3), 5, 0);
    // A random car never reaches the flag in 200 steps.
    assertEquals("mean -200.00, min -200, max -200 over 5 episodes", result.line());
    assertEquals(201, result.firstEpisode().size(), "the start and 200 steps");
  }

  @Test
  void theLineShowsFractionalReturnsWithTwoDecimals() {
    assertEquals("mean 0.33, min -0.50, max 1 over 3 episodes",
        new Play.Result(3, 1 / 3.0, -0.5, 1, List.of()).line());
  }

  @Test
  void anEpisodeBecomesALoopingGifOfItsFrames() throws Exception {
    Play.Result result = Play.play(Environments.cartpole(), obs -> obs[2] > 0 ? 1 : 0, 1, 3);
    Scene scene = Scene.of(Environments.cartpole()).orElseThrow();
    List<BufferedImage> frames = result.firstEpisode().stream().map(scene::draw).toList();
    Path gif = dir.resolve("episode.gif");
    AnimatedGif.write(frames, scene.frameDelay(), gif);
    ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      reader.setInput(in);
      assertEquals(frames.size(), reader.getNumImages(true));
      BufferedImage first = reader.read(0);
      assertEquals(600, first.getWidth());
      // The cart (black) sits at the middle of the track at the start.
      assertEquals(0xFF000000, first.getRGB(280, 400 - 100));
      assertTrue(new String(Files.readAllBytes(gif), java.nio.charset.StandardCharsets.ISO_8859_1).contains("NETSCAPE2.0"));
    } finally {
      reader.dispose();
    }
  }

  @Test
  void everyBuiltInEnvironmentCanBeDrawnAndAUsersCannot() {
    for (String name : Environments.names()) {
      Environment env = Environments.named(name);
      BufferedImage picture = Scene.of(env).orElseThrow().draw(env.reset(1));
      assertTrue(picture.getWidth() > 0, name);
    }
    assertTrue(Scene.of(new Corridor()).isEmpty());
  }
}
