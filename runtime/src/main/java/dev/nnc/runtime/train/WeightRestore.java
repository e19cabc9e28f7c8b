package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Gives a model of a job the weights of a model nnc exported ({@code let judge = FashionCnn() from
 * "build/models/fashion_cnn"}): each weight is matched by its path inside its model, so a model
 * exported by a declarative job (whose weights live under {@code model.}) or by a job with a step
 * (under the job's name for it) fits any job that declares the same model.
 */
final class WeightRestore {
  private final String model;
  /** The model as messages name it. */
  private final String described;
  private final String dir;
  /** By path inside the model ({@code dense.kernel}): the placeholder fed the value, and its assignment. */
  private final Map<String, Target> targets;

  private record Target(Net.Weight weight, Operand<TFloat32> value, Op assign) {}

  private WeightRestore(String model, String described, String dir, Map<String, Target> targets) {
    this.model = model;
    this.described = described;
    this.dir = dir;
    this.targets = targets;
  }

  /** The ops that set every weight of {@code model}, built in {@code net}'s graph. */
  static WeightRestore build(Net net, String model, String dir) {
    return build(net, model, dir, "model " + model);
  }

  /** The same, for a model that messages call {@code described}. */
  static WeightRestore build(Net net, String model, String dir, String described) {
    Ops tf = net.tf().withSubScope("restore_" + model);
    Map<String, Target> targets = new LinkedHashMap<>();
    for (Net.Weight weight : net.weightsOf(model)) {
      Operand<TFloat32> value = tf.placeholder(TFloat32.class, Placeholder.shape(weight.shape()));
      targets.put(pathInModel(weight.name()), new Target(weight, value, tf.assign(weight.variable(), value)));
    }
    return new WeightRestore(model, described, dir, targets);
  }

  /** {@code g/dense/kernel} or, as exported, {@code g.dense.kernel}: {@code dense.kernel}. */
  private static String pathInModel(String name) {
    String dotted = name.replace('/', '.');
    return dotted.substring(dotted.indexOf('.') + 1);
  }

  /** Reads the exported weights and assigns them; a missing export or a weight that does not fit is the user's error. */
  void run(Session session) {
    Path path = Path.of(dir).toAbsolutePath();
    if (!Files.exists(path.resolve("saved_model.pb"))) {
      throw new TrainException(described + ": there is no exported model in " + path
          + "; train the job that exports it first");
    }
    try (SavedModelBundle bundle = SavedModelBundle.load(path.toString(), "serve")) {
      Map<String, GraphOperation> exported = matchingModel(exportedModels(bundle), path);
      List<Result> values = new ArrayList<>();
      try {
        Session.Runner runner = session.runner();
        for (Map.Entry<String, Target> target : targets.entrySet()) {
          Result value = bundle.session().runner().fetch(exported.get(target.getKey()).name()).run();
          values.add(value);
          runner.feed(target.getValue().value(), value.get(0)).addTarget(target.getValue().assign());
        }
        runner.run().close();
      } finally {
        values.forEach(Result::close);
      }
    }
  }

  /**
   * The exported model whose weights are exactly what this model needs, by name and shape: an
   * export holds every model of the job that wrote it (a GAN's generator and discriminator).
   */
  private Map<String, GraphOperation> matchingModel(Map<String, Map<String, GraphOperation>> exported, Path path) {
    // A model of the same name comes first: a job's export can hold two models of equal shapes.
    Map<String, GraphOperation> namesake = exported.get(model);
    if (namesake != null && mismatch(namesake) == null) {
      return namesake;
    }
    String closest = null;
    String problem = "it holds no weights";
    for (Map.Entry<String, Map<String, GraphOperation>> candidate : exported.entrySet()) {
      String mismatch = mismatch(candidate.getValue());
      if (mismatch == null) {
        return candidate.getValue();
      }
      if (closest == null) {
        closest = candidate.getKey();
        problem = mismatch;
      }
    }
    throw new TrainException(described + ": the weights in " + path + " do not fit it: " + problem
        + " (was it exported from another model, or with other sizes?)");
  }

  /** What keeps {@code weights} from fitting this model, or null if they fit. */
  private String mismatch(Map<String, GraphOperation> weights) {
    for (Map.Entry<String, Target> target : targets.entrySet()) {
      GraphOperation source = weights.get(target.getKey());
      if (source == null) {
        return "there is no weight " + target.getKey();
      }
      if (!source.output(0).shape().equals(target.getValue().weight().shape())) {
        return "weight " + target.getKey() + " is " + source.output(0).shape() + " there but "
            + target.getValue().weight().shape() + " here";
      }
    }
    return null;
  }

  /** The exported variables, by the model they belong to and then by path inside it. */
  private static Map<String, Map<String, GraphOperation>> exportedModels(SavedModelBundle bundle) {
    Map<String, Map<String, GraphOperation>> models = new TreeMap<>();
    Iterator<GraphOperation> ops = bundle.graph().operations();
    while (ops.hasNext()) {
      GraphOperation op = ops.next();
      if (op.type().equals("VariableV2")) {
        String model = op.name().substring(0, Math.max(op.name().indexOf('.'), 0));
        models.computeIfAbsent(model, m -> new TreeMap<>()).put(pathInModel(op.name()), op);
      }
    }
    return models;
  }
}
