package demo;

import demo.models.Classifier;
import dev.nnc.runtime.graph.Net;
import org.tensorflow.Operand;

/** Hand-written code that uses the class generated from classifier.nn. */
public final class Scorer {
  private Scorer() {}

  public static Operand<?> logits(Net net, Operand<?> features, int classes) {
    return new Classifier(classes).apply(net, features).logits();
  }
}
