package dev.nnc.compiler.onnx;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX graph being built: nodes in order, initializers (weights and constants), inputs and
 * outputs, each value with a name unique in the graph; {@link #model} wraps it in a ModelProto.
 * Field numbers are those of onnx.proto.
 */
final class OnnxGraph {
  /** The operator set the nodes are written for (ONNX 1.12, ONNX Runtime 1.12 and later). */
  static final int OPSET = 17;
  /** The IR version that goes with {@link #OPSET}. */
  private static final int IR_VERSION = 8;

  static final int FLOAT = 1;
  static final int INT32 = 6;
  private static final int INT64 = 7;

  /** A node attribute: an integer, a float, a string or a list of integers. */
  record Attr(String name, Object value) {
    static Attr i(String name, long value) {
      return new Attr(name, value);
    }

    static Attr f(String name, double value) {
      return new Attr(name, (float) value);
    }

    static Attr s(String name, String value) {
      return new Attr(name, value);
    }

    static Attr ints(String name, long... values) {
      return new Attr(name, values);
    }

    Proto proto() {
      Proto a = new Proto().string(1, name);
      if (value instanceof Long l) {
        a.int64(3, l).int64(20, 2);
      } else if (value instanceof Float f) {
        a.float32(2, f).int64(20, 1);
      } else if (value instanceof String s) {
        a.bytes(4, ByteString.copyFromUtf8(s)).int64(20, 3);
      } else {
        for (long v : (long[]) value) {
          a.int64(8, v);
        }
        a.int64(20, 7);
      }
      return a;
    }
  }

  /** A dimension of a declared input or output: a size, or a symbol such as {@code batch}. */
  record Dimension(long size, String symbol) {}

  private final List<Proto> nodes = new ArrayList<>();
  private final List<Proto> initializers = new ArrayList<>();
  private final List<Proto> inputs = new ArrayList<>();
  private final List<Proto> outputs = new ArrayList<>();
  private final Map<String, Integer> names = new HashMap<>();

  /** {@code base}, or {@code base_2}... if taken: every value and node of the graph has its own name. */
  String fresh(String base) {
    int n = names.merge(base, 1, Integer::sum);
    return n == 1 ? base : fresh(base + "_" + n);
  }

  void input(String name, int elementType, List<Dimension> dims) {
    names.merge(name, 1, Integer::sum);
    inputs.add(valueInfo(name, elementType, dims));
  }

  /**
   * Declares the graph output {@code name}, its name taken from now on, so that no value made later
   * takes it; {@link #identity} gives it its value.
   */
  void output(String name, int elementType, List<Dimension> dims) {
    names.merge(name, 1, Integer::sum);
    outputs.add(valueInfo(name, elementType, dims));
  }

  /** The value {@code from} under the name {@code output}, declared by {@link #output}. */
  void identity(String from, String output) {
    nodes.add(new Proto().string(1, from).string(2, output).string(3, output).string(4, "Identity"));
  }

  /** A float tensor of the graph: a weight, its values row-major. */
  String floats(String base, long[] dims, float[] values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    raw.asFloatBuffer().put(values);
    return initializer(base, FLOAT, dims, ByteString.copyFrom(raw.array()));
  }

  /** A one-dimensional int64 constant: a shape, axes, sizes. */
  String longs(String base, long... values) {
    ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    raw.asLongBuffer().put(values);
    return initializer(base, INT64, new long[] {values.length}, ByteString.copyFrom(raw.array()));
  }

  private String initializer(String base, int type, long[] dims, ByteString raw) {
    String name = fresh(base);
    Proto t = new Proto();
    for (long d : dims) {
      t.int64(1, d);
    }
    initializers.add(t.int64(2, type).string(8, name).bytes(9, raw));
    return name;
  }

  /** A node of one output, named after {@code base}; returns the output's name. */
  String node(String op, String base, List<String> in, Attr... attrs) {
    return node(op, base, in, 1, attrs).get(0);
  }

  /** A node of {@code outputs} outputs; an empty input name is an input left out. */
  List<String> node(String op, String base, List<String> in, int outputs, Attr... attrs) {
    String name = fresh(base);
    List<String> out = new ArrayList<>();
    out.add(name);
    for (int i = 1; i < outputs; i++) {
      out.add(fresh(name + "_" + i));
    }
    Proto n = new Proto();
    in.forEach(i -> n.string(1, i));
    out.forEach(o -> n.string(2, o));
    n.string(3, name).string(4, op);
    for (Attr a : attrs) {
      n.message(5, a.proto());
    }
    nodes.add(n);
    return out;
  }

  /** The ModelProto of this graph. */
  byte[] model(String graphName, String producerVersion) {
    Proto graph = new Proto();
    nodes.forEach(n -> graph.message(1, n));
    graph.string(2, graphName);
    initializers.forEach(t -> graph.message(5, t));
    inputs.forEach(i -> graph.message(11, i));
    outputs.forEach(o -> graph.message(12, o));
    return new Proto()
        .int64(1, IR_VERSION)
        .string(2, "nnc")
        .string(3, producerVersion)
        .message(7, graph)
        .message(8, new Proto().string(1, "").int64(2, OPSET))
        .toByteString()
        .toByteArray();
  }

  private static Proto valueInfo(String name, int elementType, List<Dimension> dims) {
    Proto shape = new Proto();
    for (Dimension d : dims) {
      shape.message(1, d.symbol() != null ? new Proto().string(2, d.symbol()) : new Proto().int64(1, d.size()));
    }
    Proto tensor = new Proto().int64(1, elementType).message(2, shape);
    return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
  }
}
