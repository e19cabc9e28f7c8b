package dev.nnc.runtime.rl;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.Optional;

/**
 * How to draw an environment from its observation, for {@code nnc play --gif}: the cart and pole,
 * the acrobot's links, the car on its hill. Frames use a small palette, which is all a GIF holds.
 */
public abstract class Scene {
  static final Color BACKGROUND = Color.WHITE;
  static final Color INK = Color.BLACK;
  static final Color WOOD = new Color(202, 152, 101);
  static final Color AXLE = new Color(129, 132, 203);
  static final Color LINK = new Color(0, 204, 204);
  static final Color JOINT = new Color(204, 204, 0);
  static final Color FLAG = new Color(204, 204, 0);
  static final Color GREY = new Color(160, 160, 160);
  private static final Color[] PALETTE = {BACKGROUND, INK, WOOD, AXLE, LINK, JOINT, GREY};

  private final int width;
  private final int height;

  Scene(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** The scene for a built-in environment (with or without its step limit); none for a user's. */
  public static Optional<Scene> of(Environment env) {
    Environment physics = env instanceof TimeLimit limit ? limit.inner() : env;
    if (physics instanceof CartPole) {
      return Optional.of(new CartPoleScene());
    }
    if (physics instanceof Acrobot) {
      return Optional.of(new AcrobotScene());
    }
    if (physics instanceof MountainCar) {
      return Optional.of(new MountainCarScene());
    }
    return Optional.empty();
  }

  /** How long each frame shows, in hundredths of a second (the environment's own pace). */
  public abstract int frameDelay();

  /** A picture of the environment in the state it observes as {@code observation}. */
  public BufferedImage draw(float[] observation) {
    byte[] r = new byte[PALETTE.length];
    byte[] g = new byte[PALETTE.length];
    byte[] b = new byte[PALETTE.length];
    for (int i = 0; i < PALETTE.length; i++) {
      r[i] = (byte) PALETTE[i].getRed();
      g[i] = (byte) PALETTE[i].getGreen();
      b[i] = (byte) PALETTE[i].getBlue();
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
        new IndexColorModel(4, PALETTE.length, r, g, b));
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setColor(BACKGROUND);
      graphics.fillRect(0, 0, width, height);
      paint(graphics, observation);
    } finally {
      graphics.dispose();
    }
    return image;
  }

  /** Paints the state on a blank picture; y grows downwards, as in every Java picture. */
  abstract void paint(Graphics2D g, float[] observation);

  int width() {
    return width;
  }

  int height() {
    return height;
  }
}
