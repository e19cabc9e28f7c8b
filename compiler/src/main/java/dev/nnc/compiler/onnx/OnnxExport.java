package dev.nnc.compiler.onnx;

import dev.nnc.compiler.lower.Ir;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.infer.ExportedWeights.Weight;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a lowered model as an ONNX model: the graph's inputs and outputs under their names, with
 * {@code batch} as a symbolic first dimension, every node translated by {@link Layers} and the
 * trained weights as initializers. Models applied as layers are inlined, their weights found under
 * their scope ({@code basic_block.conv2d.kernel}), as nnc names them when it trains.
 */
public final class OnnxExport {
  private final OnnxGraph onnx = new OnnxGraph();
  private final Map<String, Weight> weights;

  private OnnxExport(Map<String, Weight> weights) {
    this.weights = weights;
  }

  /**
   * The ModelProto of {@code graph} with {@code weights} by their path inside the model
   * ({@code dense.kernel}); an {@link OnnxException} names a layer that cannot be written.
   */
  public static byte[] write(Ir.Graph graph, Map<String, Weight> weights, String producerVersion) {
    OnnxExport export = new OnnxExport(weights);
    Map<String, String> values = new HashMap<>();
    for (Ir.Tensor input : graph.inputs()) {
      export.onnx.input(input.name(), elementType(input.type(), input.name()), dims(input.type()));
      values.put(input.name(), input.name());
    }
    for (Ir.Output output : graph.outputs()) {
      export.onnx.output(output.name(), elementType(output.type(), output.name()), dims(output.type()));
    }
    Map<String, String> results = export.inline(graph, "", values);
    for (Ir.Output output : graph.outputs()) {
      export.onnx.identity(results.get(output.name()), output.name());
    }
    return export.onnx.model(graph.id(), producerVersion);
  }

  /**
   * Adds the nodes of {@code graph}, whose inputs are the ONNX values {@code inputs} (by input name)
   * and whose weights lie under {@code scope}; returns the ONNX value of each of its outputs.
   */
  private Map<String, String> inline(Ir.Graph graph, String scope, Map<String, String> inputs) {
    Map<String, String> values = new HashMap<>(inputs);
    for (Ir.Node node : graph.nodes()) {
      List<String> operands = new ArrayList<>();
      for (Ir.Tensor operand : node.operands()) {
        String value = values.get(operand.name());
        if (value == null) {
          throw unsupported(node, "it reads " + operand.name() + ", which is not a tensor of the graph");
        }
        operands.add(value);
      }
      values.put(node.name(), translate(node, scope, operands));
    }
    Map<String, String> outputs = new HashMap<>();
    for (Ir.Output output : graph.outputs()) {
      if (output.source() == null || !values.containsKey(output.source())) {
        throw new OnnxException("output " + output.name() + " of " + graph.model() + " is a constant: ONNX export"
            + " writes outputs computed from the model's inputs");
      }
      outputs.put(output.name(), values.get(output.source()));
    }
    return outputs;
  }

  private String translate(Ir.Node node, String scope, List<String> operands) {
    if (node.op() instanceof Ir.Builtin b) {
      return new Layers(onnx, node, b, operands, path -> weight(node, scope + node.name() + "." + path)).translate();
    }
    if (node.op() instanceof Ir.Apply a) {
      Ir.Graph callee = a.callee();
      if (callee.outputs().size() != 1 || operands.size() != callee.inputs().size()) {
        throw unsupported(node, "it applies " + callee.model() + " with " + operands.size() + " operands for "
            + callee.inputs().size() + " inputs and " + callee.outputs().size() + " outputs");
      }
      Map<String, String> bound = new HashMap<>();
      for (int i = 0; i < operands.size(); i++) {
        bound.put(callee.inputs().get(i).name(), operands.get(i));
      }
      return inline(callee, scope + node.name() + ".", bound).get(callee.outputs().get(0).name());
    }
    Weight w = weight(node, scope + node.name());
    return onnx.floats(node.name(), w.shape(), w.values());
  }

  private Weight weight(Ir.Node node, String path) {
    Weight w = weights.get(path);
    if (w == null) {
      throw new OnnxException(place(node) + ": the export has no weight " + path + " for " + node.opName() + " "
          + node.name() + " (was it exported from another model?)");
    }
    return w;
  }

  /** {@code file:line:col}, where the node is applied first. */
  static String place(Ir.Node node) {
    return node.at().isEmpty() ? node.name() : node.at().get(0).toString();
  }

  static OnnxException unsupported(Ir.Node node, String why) {
    return new OnnxException(place(node) + ": " + node.opName() + " (" + node.name() + ") cannot be written to ONNX: "
        + why);
  }

  private static int elementType(TensorType type, String name) {
    if (type.element() == ElementType.FLOAT) {
      return OnnxGraph.FLOAT;
    }
    if (type.element() == ElementType.INT) {
      return OnnxGraph.INT32;
    }
    throw new OnnxException(name + " is " + type + ": ONNX export writes float and int tensors");
  }

  /** The dimensions as declared: sizes where known, the batch and other symbols by name. */
  static List<OnnxGraph.Dimension> dims(TensorType type) {
    List<OnnxGraph.Dimension> dims = new ArrayList<>();
    for (Dim d : type.shape().dims()) {
      dims.add(d.isKnown() ? new OnnxGraph.Dimension(d.sizeOr(-1), null)
          : new OnnxGraph.Dimension(-1, d instanceof Dim.Symbol s ? s.name() : "unknown"));
    }
    return dims;
  }
}
