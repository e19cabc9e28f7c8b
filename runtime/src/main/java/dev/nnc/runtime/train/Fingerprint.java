package dev.nnc.runtime.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.proto.NodeDef;

/**
 * What a checkpoint must share with the run that resumes from it, for that run to be the one the
 * checkpoint left off: the job; the seed, batch size and number of training records, which fix every
 * epoch's batches; the values reported (the columns of metrics.csv); every variable with its shape;
 * and a digest of the graph, which changes with the model, the loss, the metrics or the optimizer's
 * settings. The learning rate is fed, not in the graph: resuming with another one is allowed.
 */
record Fingerprint(String job, long seed, int batch, int records, List<String> columns,
    List<String> variables, String graph) {
  private static final int LISTED = 3;

  Fingerprint {
    columns = List.copyOf(columns);
    variables = List.copyOf(variables);
  }

  /** The fingerprint of {@code graph}, built for {@code spec}; taken before a saver is added to it. */
  static Fingerprint of(Graph graph, TrainSpec spec, long seed) {
    List<String> columns = ReportedValues.columns(
        spec.metrics().stream().map(Metric::name).toList(), spec.validation().isPresent());
    return of(graph, spec.jobName(), seed, spec.batch(), spec.data().size(), columns);
  }

  /**
   * The fingerprint of {@code graph}, the graph of job {@code job} (a declarative one or one with
   * a step), which trains on {@code records} records in batches of {@code batch} and reports
   * {@code columns}; taken before a saver is added to it.
   */
  static Fingerprint of(Graph graph, String job, long seed, int batch, int records, List<String> columns) {
    List<String> variables = new ArrayList<>();
    for (Iterator<GraphOperation> ops = graph.operations(); ops.hasNext(); ) {
      GraphOperation op = ops.next();
      if (op.type().equals("VariableV2")) {
        variables.add(op.name() + " " + op.output(0).shape());
      }
    }
    return new Fingerprint(job, seed, batch, records, columns, variables, digest(graph));
  }

  /**
   * How {@code here} differs from this fingerprint, the checkpoint's, in words; empty when it does
   * not. The graph is compared only when all else agrees: a different seed or variable alone
   * changes it, and would only repeat the news.
   */
  List<String> differences(Fingerprint here) {
    List<String> differences = new ArrayList<>();
    compare(differences, "the job", job, here.job);
    compare(differences, "the seed", seed, here.seed);
    compare(differences, "the batch size", batch, here.batch);
    compare(differences, "the number of training records", records, here.records);
    compare(differences, "the reported values", columns, here.columns);
    differences.addAll(variableDifferences(here));
    if (differences.isEmpty() && !graph.equals(here.graph)) {
      differences.add("the graph differs: a layer, a loss, a metric or an optimizer setting changed");
    }
    return differences;
  }

  private static void compare(List<String> differences, String what, Object there, Object here) {
    if (!there.equals(here)) {
      differences.add(what + ": " + there + " there, " + here + " here");
    }
  }

  private List<String> variableDifferences(Fingerprint here) {
    Map<String, String> there = shapes(variables);
    Map<String, String> now = shapes(here.variables);
    List<String> differences = new ArrayList<>();
    there.forEach((name, shape) -> {
      String current = now.get(name);
      if (current == null) {
        differences.add("variable " + name + " " + shape + " is only there");
      } else if (!current.equals(shape)) {
        differences.add("variable " + name + ": " + shape + " there, " + current + " here");
      }
    });
    now.forEach((name, shape) -> {
      if (!there.containsKey(name)) {
        differences.add("variable " + name + " " + shape + " is only here");
      }
    });
    if (differences.size() > LISTED) {
      int more = differences.size() - LISTED;
      differences.subList(LISTED, differences.size()).clear();
      differences.add("and " + more + " more variable" + (more == 1 ? "" : "s"));
    }
    return differences;
  }

  /** Variables by name, each {@code "name shape"} split at its first space. */
  private static Map<String, String> shapes(List<String> variables) {
    Map<String, String> shapes = new LinkedHashMap<>();
    for (String variable : variables) {
      int space = variable.indexOf(' ');
      shapes.put(variable.substring(0, space), variable.substring(space + 1));
    }
    return shapes;
  }

  void write(StateProperties state) {
    state.put("job", job);
    state.put("seed", seed);
    state.put("batch", batch);
    state.put("records", records);
    state.put("columns", String.join(",", columns));
    state.put("variables", String.join(";", variables));
    state.put("graph", graph);
  }

  static Fingerprint read(StateProperties state) {
    return new Fingerprint(state.string("job"), state.longValue("seed"), state.intValue("batch"),
        state.intValue("records"), List.of(state.string("columns").split(",")),
        List.of(state.string("variables").split(";")), state.string("graph"));
  }

  /**
   * SHA-256 over every node's name, op, inputs and attributes, the attributes sorted by name:
   * a graph built twice from one job gives one digest, whatever order TF serializes maps in.
   */
  private static String digest(Graph graph) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    for (NodeDef node : graph.toGraphDef().getNodeList()) {
      update(sha, node.getName());
      update(sha, node.getOp());
      node.getInputList().forEach(input -> update(sha, input));
      new TreeMap<>(node.getAttrMap()).forEach((name, value) -> {
        update(sha, name);
        sha.update(value.toByteArray());
      });
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void update(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }
}

