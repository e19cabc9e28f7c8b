package dev.nnc.runtime.rl;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;

/** The two links hanging from the fixed joint, and the line the tip must rise above. */
final class AcrobotScene extends Scene {
  private static final double BOUND = 2 * Acrobot.LINK_LENGTH_1 + 0.2;

  AcrobotScene() {
    super(500, 500);
  }

  @Override
  public int frameDelay() {
    return 7; // Gymnasium shows it at 15 frames a second
  }

  @Override
  void paint(Graphics2D g, float[] obs) {
    double scale = width() / (2 * BOUND);
    double cx = width() / 2.0;
    double cy = height() / 2.0;
    double theta1 = Math.atan2(obs[1], obs[0]);
    double theta2 = Math.atan2(obs[3], obs[2]);
    // θ1 = 0 hangs straight down; picture y grows downwards.
    double x1 = cx + scale * Math.sin(theta1);
    double y1 = cy + scale * Math.cos(theta1);
    double x2 = x1 + scale * Math.sin(theta1 + theta2);
    double y2 = y1 + scale * Math.cos(theta1 + theta2);
    g.setColor(INK);
    g.draw(new Line2D.Double(cx - 2.2 * scale, cy - scale, cx + 2.2 * scale, cy - scale));
    g.setStroke(new BasicStroke(20, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.setColor(LINK);
    g.draw(new Line2D.Double(cx, cy, x1, y1));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
    g.setColor(JOINT);
    for (double[] joint : new double[][] {{cx, cy}, {x1, y1}}) {
      g.fill(new Ellipse2D.Double(joint[0] - 10, joint[1] - 10, 20, 20));
    }
  }
}
