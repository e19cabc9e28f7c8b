package dev.nnc.compiler.check;

import dev.nnc.compiler.syntax.Ast;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;
import java.util.Map;

/**
 * A model checked with concrete hyper-parameters and input types: its outputs (the first is the
 * default), the row or input each output comes from, its raw parameters (by name, without a batch
 * dimension), and its rows — the model's graph.
 */
public record ModelInstance(
    Ast.Model decl,
    Map<String, Object> hyper,
    Map<String, TensorType> inputs,
    Map<String, TensorType> outputs,
    Map<String, String> outputSources,
    Map<String, TensorType> params,
    List<Row> rows) {

  public long trainable() {
    return rows.stream().mapToLong(Row::trainable).sum();
  }

  public long nonTrainable() {
    return rows.stream().mapToLong(Row::nonTrainable).sum();
  }
}
