package dev.nnc.runtime.rl;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/** The cart on its track and the pole on the cart, the track spanning ±4.8 as Gymnasium draws it. */
final class CartPoleScene extends Scene {
  private static final double WORLD_WIDTH = 2 * 2 * CartPole.POSITION_LIMIT;

  CartPoleScene() {
    super(600, 400);
  }

  @Override
  public int frameDelay() {
    return 2; // 0.02 s a step
  }

  @Override
  void paint(Graphics2D g, float[] obs) {
    double scale = width() / WORLD_WIDTH;
    double cartX = obs[0] * scale + width() / 2.0;
    double trackY = height() - 100;
    double cartW = 50;
    double cartH = 30;
    double axleY = trackY - cartH / 4;
    g.setColor(INK);
    g.draw(new Line2D.Double(0, trackY, width(), trackY));
    g.setColor(GREY);
    for (double limit : new double[] {-CartPole.POSITION_LIMIT, CartPole.POSITION_LIMIT}) {
      double x = limit * scale + width() / 2.0;
      g.draw(new Line2D.Double(x, trackY - 8, x, trackY + 8));
    }
    g.setColor(INK);
    g.fill(new Rectangle2D.Double(cartX - cartW / 2, trackY - cartH / 2 - cartH / 4, cartW, cartH));
    double poleLength = scale * 2 * CartPole.HALF_LENGTH;
    AffineTransform saved = g.getTransform();
    g.translate(cartX, axleY);
    g.rotate(obs[2]); // clockwise in a y-down picture: a positive angle leans right
    g.setColor(WOOD);
    g.setStroke(new BasicStroke(10, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    g.draw(new Line2D.Double(0, 0, 0, -poleLength));
    g.setTransform(saved);
    g.setColor(AXLE);
    g.fill(new Ellipse2D.Double(cartX - 5, axleY - 5, 10, 10));
  }
}
