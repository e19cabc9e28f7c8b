package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.Span;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Model declarations: binding hyper-parameters, and checking a body for given input types. A model is
 * checked once per distinct (hyper-parameters, input types), and each check is remembered.
 */
final class Models {
  private final Checker checker;
  private final Diagnostics diagnostics;
  private final Map<List<Object>, ModelInstance> instances = new HashMap<>();
  private final Set<Ast.Model> inProgress = new HashSet<>();
  private final Set<Ast.HyperParam> badTypes = new HashSet<>();

  Models(Checker checker) {
    this.checker = checker;
    this.diagnostics = checker.diagnostics();
  }

  /** {@code FashionCnn(classes: 10)}: the hyper-parameters bound, defaults filled in; null on error. */
  Value.Model bindHyper(Ast.Model decl, Ast.Call call, Evaluator caller) {
    List<Param> params = new ArrayList<>();
    for (Ast.HyperParam h : decl.hyperParams()) {
      ParamType type = hyperType(h);
      if (type == null) {
        return null;
      }
      Object defaultValue = null;
      if (h.defaultValue() != null) {
        Value v = checker.constEvaluator().eval(h.defaultValue());
        defaultValue = v instanceof Value.Const c ? Conversions.to(type, c.value()) : null;
        if (defaultValue == null) {
          if (!(v instanceof Value.Error)) {
            diagnostics.error(Code.NN0201, h.defaultValue().span(),
                "the default of `" + h.name().name() + "` must be " + type.describe() + ", found " + v.describe());
          }
          return null;
        }
      }
      params.add(Param.optional(h.name().name(), type, defaultValue));
    }
    Signature signature = new Signature(0, params);
    List<Ast.Arg> args = call == null ? List.of() : call.args();
    Span span = call == null ? decl.name().span() : call.span();
    Map<String, Object> bound =
        new ArgBinder(diagnostics).bind(decl.name().name(), signature, args, span, caller::eval);
    if (bound == null) {
      return null;
    }
    Map<String, Object> hyper = new LinkedHashMap<>();
    for (Param p : params) {
      hyper.put(p.name(), bound.getOrDefault(p.name(), p.defaultValue()));
    }
    return new Value.Model(decl, hyper, span);
  }

  private ParamType hyperType(Ast.HyperParam h) {
    ParamType type = switch (h.type().name().name()) {
      case "int" -> ParamType.INT;
      case "float" -> ParamType.FLOAT;
      case "bool" -> ParamType.BOOL;
      case "string" -> ParamType.STRING;
      default -> null;
    };
    if (type == null && badTypes.add(h)) {
      diagnostics.report(Diagnostic.at(Code.NN0201, h.type().span(),
              "unknown hyper-parameter type `" + h.type().name().name() + "`")
          .help("hyper-parameters are int, float, bool or string"));
    }
    return type;
  }

  /**
   * Checks {@code model} applied to {@code actual} inputs (null: the declared input types, as for the
   * model a job trains). Returns null after reporting when it does not fit.
   */
  ModelInstance instantiate(Value.Model model, List<Value.Tensor> actual, Span at) {
    Ast.Model decl = model.decl();
    List<Object> key = List.of(decl, model.hyper(), actual == null ? List.of() : actual.stream().map(Value.Tensor::type).toList());
    if (instances.containsKey(key)) {
      return instances.get(key);
    }
    if (!inProgress.add(decl)) {
      diagnostics.error(Code.NN0206, at, "model " + decl.name().name() + " uses itself");
      return null;
    }
    try {
      ModelInstance instance = check(model, actual, at);
      if (instance != null) {
        instances.put(key, instance); // a failed check is not kept: a later use must report its errors
      }
      return instance;
    } finally {
      inProgress.remove(decl);
    }
  }

  private ModelInstance check(Value.Model model, List<Value.Tensor> actual, Span at) {
    Ast.Model decl = model.decl();
    Map<String, Value> locals = Evaluator.scope();
    model.hyper().forEach((name, value) -> locals.put(name, new Value.Const(value)));
    GraphRecorder graph = new GraphRecorder();
    Evaluator evaluator = new Evaluator(checker, locals, graph);
    Map<String, TensorType> inputs = new LinkedHashMap<>();
    Map<String, TensorType> outputs = new LinkedHashMap<>();
    Map<String, String> outputSources = new LinkedHashMap<>();
    Map<String, TensorType> params = new LinkedHashMap<>();
    List<Ast.Input> declared = decl.body().stream()
        .filter(s -> s instanceof Ast.Input).map(s -> (Ast.Input) s).toList();
    if (actual != null && actual.size() != declared.size()) {
      diagnostics.error(Code.NN0203, at, decl.name().name() + " takes " + declared.size() + " input"
          + (declared.size() == 1 ? "" : "s") + ", found " + actual.size());
      return null;
    }
    boolean ok = true;
    Map<String, Ast.ModelStmt> names = new HashMap<>();
    Map<String, Dim> symbols = new HashMap<>();
    int inputIndex = 0;
    for (Ast.ModelStmt stmt : decl.body()) {
      Ast.ModelStmt previous = names.putIfAbsent(stmt.name().name(), stmt);
      if (previous != null || model.hyper().containsKey(stmt.name().name())) {
        Diagnostic d = Diagnostic.at(Code.NN0102, stmt.name().span(), "`" + stmt.name().name() + "` is declared twice");
        diagnostics.report(previous == null ? d : d.label(previous.name().span(), "first declared here"));
        ok = false;
        continue;
      }
      if (stmt instanceof Ast.Input input) {
          TensorType type = declaredType(input.type(), locals, symbols.keySet(), true);
          if (type == null) {
            locals.put(input.name().name(), Value.ERROR); // reported; its uses stay silent
            ok = false;
            continue;
          }
          Span origin = input.name().span();
          if (actual != null) {
            Value.Tensor given = actual.get(inputIndex);
            type = bind(decl, input, type, given, symbols, locals, at);
            if (type == null) {
              return null; // the application is wrong, not the body: one error, at the call
            }
            origin = given.origin();
          }
          inputIndex++;
          inputs.put(input.name().name(), type);
          Value.Tensor value = new Value.Tensor(type, origin);
          graph.source(input.name().name(), value);
          locals.put(input.name().name(), value);
      } else if (stmt instanceof Ast.Let let) {
        evaluator.define(let.name().name(), evaluator.eval(let.value()));
      } else if (stmt instanceof Ast.Output output) {
          Value value = evaluator.eval(output.value());
          Value.Tensor tensor = value instanceof Value.Error ? null : evaluator.asTensor(value, output.value().span());
          if (tensor == null) {
            ok = false;
            continue;
          }
          outputs.put(output.name().name(), tensor.type());
          String source = graph.producer(tensor);
          if (source != null) {
            outputSources.put(output.name().name(), source);
          }
          locals.put(output.name().name(), tensor);
      } else {
        Value.Tensor weight = param((Ast.Param) stmt, locals, evaluator, graph);
        locals.put(stmt.name().name(), weight == null ? Value.ERROR : weight);
        ok &= weight != null;
        if (weight != null) {
          params.put(stmt.name().name(), weight.type());
        }
      }
    }
    if (declared.isEmpty() || outputs.isEmpty() && ok) {
      diagnostics.report(Diagnostic.at(Code.NN0304, decl.name().span(),
              "model " + decl.name().name() + " has no " + (declared.isEmpty() ? "input" : "output"))
          .help(declared.isEmpty() ? "declare one: `input x: float[784]`" : "declare one: `output y = x -> dense(10)`"));
      return null;
    }
    return ok ? new ModelInstance(decl, model.hyper(), inputs, outputs, outputSources, params, graph.rows()) : null;
  }

  /**
   * {@code param w: float[visible, hidden] = normal(0, 0.01)}: a trainable weight of the model, with no
   * batch dimension, initialised by the named initializer (glorot_uniform when none is given).
   */
  private Value.Tensor param(Ast.Param param, Map<String, Value> locals, Evaluator evaluator, GraphRecorder graph) {
    TensorType type = declaredType(param.type(), locals, false);
    if (type == null) {
      return null;
    }
    if (!type.shape().dims().stream().allMatch(Dim::isKnown)) {
      diagnostics.report(Diagnostic.at(Code.NN0208, param.type().span(),
              "the shape of parameter `" + param.name().name() + "` must be known, found " + type)
          .help("use sizes or hyper-parameters, as in float[visible, hidden]"));
      return null;
    }
    if (param.init() != null) {
      Param init = Param.named("init", ParamType.INITIALIZER, "glorot_uniform");
      if (new ArgBinder(diagnostics).initializer("param " + param.name().name(), init, param.init(), evaluator::eval) == null) {
        return null;
      }
    }
    Value.Tensor weight = new Value.Tensor(type, param.name().span());
    graph.parameter(param.name().name(), weight, param.init());
    return weight;
  }

  /** The input types a model declares for its hyper-parameters, symbols unbound; null after an error. */
  Map<String, TensorType> declaredInputs(Value.Model model) {
    Map<String, Value> locals = Evaluator.scope();
    model.hyper().forEach((name, value) -> locals.put(name, new Value.Const(value)));
    Map<String, TensorType> inputs = new LinkedHashMap<>();
    for (Ast.ModelStmt stmt : model.decl().body()) {
      if (stmt instanceof Ast.Input input) {
        TensorType type = declaredType(input.type(), locals, true);
        if (type == null) {
          return null;
        }
        inputs.put(input.name().name(), type);
      }
    }
    return inputs;
  }

  /** The type an input declares, batch in front; symbols stay symbols. Null after an error. */
  TensorType declaredType(Ast.TypeRef ref, Map<String, Value> locals, boolean batched) {
    return declaredType(ref, locals, Set.of(), batched);
  }

  /** As above; {@code symbols} are names bound from earlier inputs, which stay symbols in later ones. */
  private TensorType declaredType(Ast.TypeRef ref, Map<String, Value> locals, Set<String> symbols, boolean batched) {
    ElementType element = switch (ref.name().name()) {
      case "float", "double", "half" -> ElementType.FLOAT;
      case "int", "long" -> ElementType.INT;
      default -> null;
    };
    if (element == null) {
      diagnostics.report(Diagnostic.at(Code.NN0201, ref.name().span(),
              "unknown tensor type `" + ref.name().name() + "`")
          .help("tensor types are float, double, half, int, long and bool, as in float[28, 28, 1]"));
      return null;
    }
    List<Dim> dims = new ArrayList<>();
    for (Ast.Expr dim : ref.dims() == null ? List.<Ast.Expr>of() : ref.dims()) {
      if (dim instanceof Ast.Name n
          && (symbols.contains(n.name()) || !locals.containsKey(n.name()) && checker.global(n.name()) == null)) {
        dims.add(Dim.symbol(n.name()));
        continue;
      }
      Value v = new Evaluator(checker, locals, null).eval(dim);
      if (v instanceof Value.Const c && c.value() instanceof Long size && size > Integer.MAX_VALUE) {
        // A record is one Java array, so no dimension can pass an int (a longer literal saturates).
        diagnostics.error(Code.NN0208, dim.span(), "a dimension must be at most 2,147,483,647, found "
            + dim.span().text());
        return null;
      } else if (v instanceof Value.Const c && c.value() instanceof Long size && size > 0) {
        dims.add(Dim.of(size));
      } else {
        if (!(v instanceof Value.Error)) {
          diagnostics.error(Code.NN0208, dim.span(), "a dimension must be a positive whole number, found " + v.describe());
        }
        return null;
      }
    }
    TensorShape shape = new TensorShape(dims);
    return new TensorType(element, batched ? shape.batched() : shape);
  }

  /**
   * Matches a declared input type against the tensor a model is applied to, binding its symbols
   * ({@code float[h, w, c]}); a bound symbol becomes a compile-time value in the model body.
   */
  private TensorType bind(Ast.Model decl, Ast.Input input, TensorType declared, Value.Tensor given,
      Map<String, Dim> bound, Map<String, Value> locals, Span at) {
    TensorType actual = given.type();
    boolean fits = actual.rank() == declared.rank();
    for (int i = 0; fits && i < declared.rank(); i++) {
      Dim want = declared.shape().dim(i);
      Dim have = actual.shape().dim(i);
      if (want instanceof Dim.Symbol s && !s.equals(Dim.BATCH)) {
        Dim before = bound.putIfAbsent(s.name(), have);
        if (before != null && !before.equals(have)) {
          diagnostics.report(Diagnostic.at(Code.NN0303, at,
                  "`" + s.name() + "` is bound to two sizes: " + before + " and " + have
                      + " (by input `" + input.name().name() + "`)")
              .label(input.type().span(), "declared here as " + declared)
              .help("the input is " + actual));
          return null;
        }
      } else {
        fits = want.equals(have);
      }
    }
    if (!fits) {
      diagnostics.report(Diagnostic.at(Code.NN0301, at,
              decl.name().name() + " expects `" + input.name().name() + "` of type " + declared + ", found " + actual)
          .label(input.type().span(), "declared here"));
      return null;
    }
    bound.forEach((name, dim) -> {
      if (dim.isKnown()) {
        locals.put(name, new Value.Const(dim.sizeOr(-1)));
      }
    });
    return actual;
  }
}
