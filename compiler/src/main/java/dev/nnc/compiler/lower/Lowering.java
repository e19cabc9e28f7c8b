package dev.nnc.compiler.lower;

import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.Row;
import dev.nnc.compiler.check.StepJob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The phase after {@code check}: every checked model instance becomes an {@link Ir.Graph}. A model
 * applied inside another is lowered once per distinct instance (hyper-parameters and input types),
 * before the graph that applies it.
 */
public final class Lowering {
  private final Map<ModelInstance, Ir.Graph> lowered = new IdentityHashMap<>();
  /**
   * Graphs by what makes an instance: a model checked with its defaults and the same model applied to
   * the same input types are two instances of the checker but one graph.
   */
  private final Map<List<Object>, Ir.Graph> byKey = new HashMap<>();
  private final Map<String, Integer> ids = new HashMap<>();
  private final List<Ir.Graph> order = new ArrayList<>();

  private Lowering() {}

  /** The models of a checked program: each checked with its defaults, and each a job uses as the job uses it. */
  public static Ir.Module lower(Program program) {
    Set<ModelInstance> roots = new LinkedHashSet<>(program.models().values());
    program.jobs().forEach(job -> roots.add(job.model()));
    for (StepJob job : program.stepJobs()) {
      job.models().forEach(m -> roots.add(m.instance()));
    }
    program.sampleJobs().forEach(job -> roots.add(job.model()));
    Lowering lowering = new Lowering();
    roots.forEach(lowering::graph);
    return new Ir.Module(lowering.order, lowering.lowered);
  }

  /** One model instance; the graphs of the models it applies are reached through its nodes. */
  public static Ir.Graph lower(ModelInstance instance) {
    return new Lowering().graph(instance);
  }

  private Ir.Graph graph(ModelInstance instance) {
    List<Object> key = List.of(instance.decl(), instance.hyper(), instance.inputs());
    Ir.Graph done = lowered.containsKey(instance) ? lowered.get(instance) : byKey.get(key);
    if (done != null) {
      lowered.put(instance, done);
      return done;
    }
    List<Ir.Tensor> inputs = new ArrayList<>();
    Map<String, Ir.Tensor> tensors = new HashMap<>();
    instance.inputs().forEach((name, type) -> {
      Ir.Tensor t = new Ir.Tensor(name, type);
      inputs.add(t);
      tensors.put(name, t);
    });
    instance.rows().forEach(row -> tensors.put(row.name(), new Ir.Tensor(row.name(), row.output())));
    List<Ir.Node> nodes = new ArrayList<>();
    for (Row row : instance.rows()) {
      List<Ir.Tensor> operands = row.inputs().stream().map(tensors::get).toList();
      nodes.add(new Ir.Node(row.name(), op(row.callee()), operands, row.output(), row.trainable(), row.nonTrainable(),
          row.at()));
    }
    List<Ir.Output> outputs = new ArrayList<>();
    instance.outputs().forEach((name, type) -> outputs.add(new Ir.Output(name, type, instance.outputSources().get(name))));
    String model = instance.decl().name().name();
    int n = ids.merge(model, 1, Integer::sum);
    Ir.Graph graph = new Ir.Graph(n == 1 ? model : model + "." + n, model, instance.hyper(), inputs, nodes, outputs);
    lowered.put(instance, graph);
    byKey.put(key, graph);
    order.add(graph);
    return graph;
  }

  private Ir.Op op(Row.Callee callee) {
    if (callee instanceof Row.Builtin b) {
      return new Ir.Builtin(b.op(), b.args());
    }
    if (callee instanceof Row.Model m) {
      return new Ir.Apply(graph(m.instance()));
    }
    Row.Param p = (Row.Param) callee;
    return new Ir.Param(p.init() == null ? "glorot_uniform" : p.init().span().text());
  }
}
