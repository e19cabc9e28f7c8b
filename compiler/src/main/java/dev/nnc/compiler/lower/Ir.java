package dev.nnc.compiler.lower;

import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.source.Span;
import dev.nnc.stdlib.TensorOp;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.TensorType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lowered program: what every back end reads instead of the syntax tree. Each checked model
 * instance is a {@link Graph} of {@link Node}s — resolved built-ins with their typed configuration,
 * models applied as layers, raw parameters — whose edges are typed {@link Tensor}s. Everything is
 * immutable and prints itself ({@link Printer}) for golden tests.
 */
public final class Ir {
  private Ir() {}

  /** Every lowered graph of a program, a model applied inside another before the one that applies it. */
  public record Module(List<Graph> graphs, Map<ModelInstance, Graph> byInstance) {
    public Module {
      graphs = List.copyOf(graphs);
      byInstance = Collections.unmodifiableMap(new IdentityHashMap<>(byInstance));
    }

    /** The graph lowered from the checker's {@code instance}. */
    public Graph graphOf(ModelInstance instance) {
      Graph graph = byInstance.get(instance);
      if (graph == null) {
        throw new IllegalArgumentException("not lowered: " + instance.decl().name().name());
      }
      return graph;
    }

    /** The node applied at {@code span} in any graph ({@code dense(10)} as a stage), for hover. */
    public Optional<Node> nodeAt(Span span) {
      for (Graph g : graphs) {
        for (Node n : g.nodes()) {
          if (n.at().contains(span)) {
            return Optional.of(n);
          }
        }
      }
      return Optional.empty();
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** A typed tensor flowing along an edge: made by the input or the node of this name. */
  public record Tensor(String name, TensorType type) {}

  /**
   * One model checked with concrete hyper-parameters and input types. {@code id} is unique in its
   * module ({@code BasicBlock}, {@code BasicBlock.2} for a second instance).
   */
  public record Graph(String id, String model, Map<String, Object> hyper, List<Tensor> inputs, List<Node> nodes,
      List<Output> outputs) {
    public Graph {
      hyper = Collections.unmodifiableMap(new LinkedHashMap<>(hyper));
      inputs = List.copyOf(inputs);
      nodes = List.copyOf(nodes);
      outputs = List.copyOf(outputs);
    }

    public long trainable() {
      return nodes.stream().mapToLong(Node::trainable).sum();
    }

    public long nonTrainable() {
      return nodes.stream().mapToLong(Node::nonTrainable).sum();
    }

    @Override
    public String toString() {
      return Printer.print(this);
    }
  }

  /** What a node computes. */
  public sealed interface Op {}

  /** A built-in layer, function or operator with its configuration, typed by the built-in's signature. */
  public record Builtin(TensorOp op, Args config) implements Op {}

  /** Another model's graph applied as a layer. */
  public record Apply(Graph callee) implements Op {}

  /** A raw trainable parameter; {@code init} is its initializer as written. */
  public record Param(String init) implements Op {}

  /**
   * One node: its result is the tensor {@code name} of type {@code type}; it owns {@code trainable +
   * nonTrainable} weights; {@code at} is where the source applies it (a shared layer, more than once).
   */
  public record Node(String name, Op op, List<Tensor> operands, TensorType type, long trainable, long nonTrainable,
      List<Span> at) {
    public Node {
      operands = List.copyOf(operands);
      at = List.copyOf(at);
    }

    /** The name of what is applied: {@code dense}, {@code Residual}, {@code param}. */
    public String opName() {
      if (op instanceof Builtin b) {
        return b.op().name();
      }
      return op instanceof Apply a ? a.callee().model() : "param";
    }

    public long params() {
      return trainable + nonTrainable;
    }
  }

  /** A model output: its type and the input or node it comes from (null: a constant). */
  public record Output(String name, TensorType type, String source) {}
}
