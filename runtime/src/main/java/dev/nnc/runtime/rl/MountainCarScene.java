package dev.nnc.runtime.rl;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** The hill, {@code sin(3x) · 0.45 + 0.55}, the flag at 0.5 and the car tilted along the slope. */
final class MountainCarScene extends Scene {
  private static final double WORLD_WIDTH = MountainCar.MAX_POSITION - MountainCar.MIN_POSITION;

  MountainCarScene() {
    super(600, 400);
  }

  @Override
  public int frameDelay() {
    return 3; // Gymnasium shows it at 30 frames a second
  }

  private double screenX(double position) {
    return (position - MountainCar.MIN_POSITION) * width() / WORLD_WIDTH;
  }

  private double screenY(double position) {
    return height() - MountainCar.height(position) * width() / WORLD_WIDTH;
  }

  @Override
  void paint(Graphics2D g, float[] obs) {
    Path2D hill = new Path2D.Double();
    for (int i = 0; i <= 100; i++) {
      double p = MountainCar.MIN_POSITION + WORLD_WIDTH * i / 100;
      if (i == 0) {
        hill.moveTo(screenX(p), screenY(p));
      } else {
        hill.lineTo(screenX(p), screenY(p));
      }
    }
    g.setColor(INK);
    g.setStroke(new BasicStroke(2));
    g.draw(hill);
    double flagX = screenX(MountainCar.GOAL_POSITION);
    double flagY = screenY(MountainCar.GOAL_POSITION);
    g.draw(new Line2D.Double(flagX, flagY, flagX, flagY - 50));
    g.setColor(FLAG);
    Path2D flag = new Path2D.Double();
    flag.moveTo(flagX, flagY - 50);
    flag.lineTo(flagX, flagY - 40);
    flag.lineTo(flagX + 25, flagY - 45);
    flag.closePath();
    g.fill(flag);
    double position = obs[0];
    AffineTransform saved = g.getTransform();
    g.translate(screenX(position), screenY(position));
    // The slope's angle: d/dx of the hill is 1.35 cos(3x), the same in world and picture units.
    g.rotate(-Math.atan(1.35 * Math.cos(3 * position)));
    g.setColor(INK);
    g.fill(new Rectangle2D.Double(-20, -30, 40, 20));
    g.setColor(GREY);
    g.fill(new Ellipse2D.Double(-18, -14, 12, 12));
    g.fill(new Ellipse2D.Double(6, -14, 12, 12));
    g.setTransform(saved);
  }
}
