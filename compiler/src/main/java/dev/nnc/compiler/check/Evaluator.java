package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.Span;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.compiler.syntax.Ast.*;
import dev.nnc.stdlib.Builtin;
import dev.nnc.stdlib.Builtins;
import dev.nnc.stdlib.Hyper;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOp;
import dev.nnc.stdlib.optimizers.OptimizerDef;
import dev.nnc.stdlib.optimizers.ScheduleDef;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.stdlib.spec.WeightSpec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates expressions at compile time: constants are computed, tensors get their inferred types,
 * layers their configuration, and every built-in application is checked against its shape rule.
 * One evaluator serves one scope (a model instance, a job, a data transform).
 */
final class Evaluator {
  private final Checker checker;
  private final Diagnostics diagnostics;
  private final Map<String, Value> locals;
  /** Where this scope's applications are recorded; null outside a model (jobs, data transforms). */
  private final GraphRecorder graph;
  /**
   * The input each layer value was first applied to in this scope: a shared layer ({@code let}) owns
   * one set of weights, so every later input must give the same weight shapes.
   */
  private final Map<Value.Layer, Value.Tensor> applied = new IdentityHashMap<>();
  /** The graph row of each layer value applied in this scope, for the edges of later applications. */
  private final Map<Value.Layer, String> rowOf = new IdentityHashMap<>();
  /** The tensor arguments of layer values ({@code attention(..., context: memory)}): more edges into their rows. */
  private final Map<Value.Layer, List<Value.Tensor>> contexts = new IdentityHashMap<>();
  /** Names given to layer values by {@code let}, which their graph rows take. */
  private final Map<Value.Layer, String> layerNames = new IdentityHashMap<>();
  private final ArgBinder binder;
  /**
   * True where tensors flow (a model, a training step): there {@code normal(...)} is a random tensor;
   * elsewhere (a data block) it is the data source of that name.
   */
  private final boolean tensorScope;

  Evaluator(Checker checker, Map<String, Value> locals, GraphRecorder graph) {
    this(checker, locals, graph, graph != null);
  }

  private Evaluator(Checker checker, Map<String, Value> locals, GraphRecorder graph, boolean tensorScope) {
    this.checker = checker;
    this.diagnostics = checker.diagnostics();
    this.locals = locals;
    this.graph = graph;
    this.binder = new ArgBinder(diagnostics);
    this.tensorScope = tensorScope;
  }

  /** An evaluator for the statements of a training step or an {@code every} block. */
  static Evaluator forStep(Checker checker, Map<String, Value> locals) {
    return new Evaluator(checker, locals, null, true);
  }

  /** The names this scope defines. */
  Map<String, Value> locals() {
    return locals;
  }

  void define(String name, Value value) {
    locals.put(name, value);
    if (value instanceof Value.Layer layer) {
      layerNames.put(layer, name);
    }
  }

  Value eval(Expr expr) {
    Value value = evalUnrecorded(expr);
    checker.record(expr, value);
    return value;
  }

  private Value evalUnrecorded(Expr expr) {
    if (expr instanceof Num n) {
      return number(n);
    } else if (expr instanceof Str s) {
      return new Value.Const(s.value());
    } else if (expr instanceof Bool b) {
      return new Value.Const(b.value());
    } else if (expr instanceof ListExpr l) {
      return list(l);
    } else if (expr instanceof Name n) {
      return name(n);
    } else if (expr instanceof Member m) {
      return member(m);
    } else if (expr instanceof Call c) {
      return call(c, null);
    } else if (expr instanceof Binary b) {
      return binary(b);
    } else if (expr instanceof Unary u) {
      return unary(u);
    } else if (expr instanceof If i) {
      return conditional(i);
    } else if (expr instanceof Pipeline p) {
      return pipeline(p);
    } else if (expr instanceof Repeat r) {
      return misplacedBlock(r.span(), "repeat");
    } else if (expr instanceof For f) {
      return misplacedBlock(f.span(), "for");
    } else if (expr instanceof DataPipe d) {
      return checker.data().pipe(d, this);
    }
    return checker.data().records((Records) expr, this);
  }

  private Value number(Num n) {
    if (n.unit() != null) {
      if (!n.isInteger()) {
        diagnostics.error(Code.NN0208, n.span(), "a count of " + n.unit() + " must be a whole number");
        return Value.ERROR;
      }
      return new Value.Const(new Value.Duration((long) n.value(), n.unit()));
    }
    return new Value.Const(n.isInteger() ? (Object) (long) n.value() : (Object) n.value());
  }

  private Value list(ListExpr l) {
    List<Object> items = new ArrayList<>();
    for (Expr item : l.items()) {
      Value v = eval(item);
      if (v instanceof Value.Error) {
        return v;
      }
      if (!(v instanceof Value.Const c)) {
        diagnostics.error(Code.NN0207, item.span(), "a list holds compile-time values, found " + v.describe());
        return Value.ERROR;
      }
      items.add(c.value());
    }
    return new Value.Const(items);
  }

  // ------------------------------------------------------------------ names

  private Value name(Name n) {
    Value local = locals.get(n.name());
    if (local != null) {
      return local;
    }
    Value global = checker.global(n.name());
    if (global != null) {
      return global;
    }
    Builtin builtin = Builtins.lookup(n.name()).orElse(null);
    if (builtin instanceof TensorOp op) {
      return configured(op, List.of(), n.span());
    }
    if (builtin instanceof OptimizerDef def) {
      return new Value.Optimizer(def, Args.of(def.signature()));
    }
    if (builtin instanceof ScheduleDef def) {
      return schedule(def, List.of(), n.span());
    }
    return unknownName(n);
  }

  private Value unknownName(Name n) {
    List<String> visible = new ArrayList<>(locals.keySet());
    checker.globalNames().forEach(visible::add);
    Builtins.all().forEach(b -> visible.add(b.name()));
    Diagnostic d = Diagnostic.at(Code.NN0101, n.span(), "unknown name `" + n.name() + "`");
    String close = Suggestions.closest(n.name(), visible);
    diagnostics.report(close != null ? d.help("did you mean `" + close + "`?") : d);
    return Value.ERROR;
  }

  private Value member(Member m) {
    Value target = eval(m.target());
    String name = m.member().name();
    if (target instanceof Value.Error) {
      return target;
    }
    if (target instanceof Value.DataBlock block) {
      return checker.data().split(block.decl(), m.member(), this);
    }
    if (target instanceof Value.DatasetParts parts) {
      return checker.data().part(parts, m.member());
    }
    if (target instanceof Value.Dataset dataset) {
      return checker.data().member(dataset, m);
    }
    if (target instanceof Value.States states) {
      TensorType type = states.results().get(name);
      if (type != null) {
        // Where the layer was applied, so the tensor traces back to its row in the graph.
        return new Value.Tensor(type, states.origin());
      }
      diagnostics.report(Diagnostic.at(Code.NN0105, m.member().span(), states.layer() + " with `states: true` has no `" + name + "`")
          .help("it gives " + String.join(", ", states.results().keySet())));
      return Value.ERROR;
    }
    if (target instanceof Value.Outputs outputs) {
      TensorType type = outputs.outputs().get(name);
      if (type != null) {
        return new Value.Tensor(type, m.span());
      }
      diagnostics.report(Diagnostic.at(Code.NN0105, m.member().span(),
              outputs.model().decl().name().name() + " has no output `" + name + "`")
          .help("its outputs are " + String.join(", ", outputs.outputs().keySet())));
      return Value.ERROR;
    }
    if (target instanceof Value.Model model && tensorScope && graph == null) {
      return parameter(model, m.member());
    }
    diagnostics.error(Code.NN0105, m.member().span(), target.describe() + " has no member `" + name + "`");
    return Value.ERROR;
  }

  /** {@code r.w} in a training step: parameter {@code w} of the job's model {@code r}, without a batch. */
  private Value parameter(Value.Model model, Ident member) {
    ModelInstance instance = checker.models().instantiate(model, null, member.span());
    if (instance == null) {
      return Value.ERROR;
    }
    TensorType type = instance.params().get(member.name());
    if (type == null) {
      String modelName = model.decl().name().name();
      diagnostics.report(Diagnostic.at(Code.NN0105, member.span(), modelName + " has no parameter `" + member.name() + "`")
          .help(instance.params().isEmpty()
              ? modelName + " declares no `param`; only raw parameters can be named and updated"
              : "its parameters are " + String.join(", ", instance.params().keySet())));
      return Value.ERROR;
    }
    return new Value.Tensor(type, member.span());
  }

  // ------------------------------------------------------------------ calls and application

  /** Evaluates a call; {@code piped} is the value flowing in from {@code ->}, or null. */
  private Value call(Call c, Value.Tensor piped) {
    if (c.callee() instanceof Name n && !locals.containsKey(n.name()) && checker.global(n.name()) == null) {
      Builtin builtin = Builtins.lookup(n.name()).orElse(null);
      if (checker.data().isSource(n.name()) && !tensorScope) {
        return checker.data().source(n.name(), c, this);
      }
      if (builtin instanceof TensorOp op) {
        return callBuiltin(op, c, piped);
      }
      if (builtin instanceof OptimizerDef def) {
        Map<String, Object> bound = binder.bind(def.name(), def.signature(), c.args(), c.span(), this::eval);
        return bound == null ? Value.ERROR : new Value.Optimizer(def, new Args(def.signature(), bound));
      }
      if (builtin instanceof ScheduleDef def) {
        return schedule(def, c.args(), c.span());
      }
      if (checker.data().isSource(n.name())) {
        return checker.data().source(n.name(), c, this);
      }
    }
    Value callee = eval(c.callee());
    if (callee instanceof Value.ModelRef ref) {
      Value.Model model = checker.models().bindHyper(ref.decl(), c, this);
      return piped == null || model == null ? orError(model) : applyModel(model, List.of(piped), c.span());
    }
    if (callee instanceof Value.Layer || callee instanceof Value.Model) {
      List<Value.Tensor> inputs = new ArrayList<>();
      if (piped != null) {
        inputs.add(piped);
      }
      for (Arg arg : c.args()) {
        Value.Tensor t = tensor(arg.value());
        if (t == null) {
          return Value.ERROR;
        }
        inputs.add(t);
      }
      return apply(callee, inputs, c.span());
    }
    if (!(callee instanceof Value.Error)) {
      diagnostics.error(Code.NN0206, c.callee().span(), callee.describe() + " cannot be called");
    }
    return Value.ERROR;
  }

  private Value schedule(ScheduleDef def, List<Arg> args, Span span) {
    Map<String, Object> bound = binder.bind(def.name(), def.signature(), args, span, this::eval);
    return bound == null ? Value.ERROR : new Value.Schedule(def, new Args(def.signature(), bound));
  }

  private static Value orError(Value v) {
    return v == null ? Value.ERROR : v;
  }

  /**
   * A built-in in a call. A layer's arguments are its configuration ({@code dense(10)}); a function,
   * loss or metric takes its tensors first ({@code concat(a, b, axis: 1)}, {@code relu(x)}).
   */
  private Value callBuiltin(TensorOp op, Call c, Value.Tensor piped) {
    if (op.kind() == Kind.LAYER) {
      Value layer = configured(op, c.args(), c.span());
      return piped == null || layer instanceof Value.Error ? layer : apply(layer, List.of(piped), c.span());
    }
    int wanted = op.signature().tensorInputs();
    List<Value.Tensor> inputs = new ArrayList<>();
    if (piped != null) {
      inputs.add(piped);
    }
    List<Arg> config = new ArrayList<>();
    for (Arg arg : c.args()) {
      boolean isTensorArg = arg.name() == null
          && (wanted == Signature.VARIADIC || inputs.size() < wanted);
      if (isTensorArg) {
        Value.Tensor t = tensor(arg.value());
        if (t == null) {
          return Value.ERROR;
        }
        inputs.add(t);
      } else {
        config.add(arg);
      }
    }
    Map<String, Object> bound = binder.bind(op.name(), op.signature(), config, c.span(), this::eval);
    if (bound == null) {
      return Value.ERROR;
    }
    Value.Layer fn = new Value.Layer(op, new Args(op.signature(), bound), c.span());
    if (inputs.isEmpty() && wanted != 0) {
      return fn;
    }
    return apply(fn, inputs, c.span());
  }

  private Value configured(TensorOp op, List<Arg> args, Span span) {
    Map<Expr, Value> values = new IdentityHashMap<>();
    Map<String, Object> bound = binder.bind(op.name(), op.signature(), args, span, e -> values.computeIfAbsent(e, this::eval));
    if (bound == null) {
      return Value.ERROR;
    }
    Value.Layer layer = new Value.Layer(op, new Args(op.signature(), bound), span);
    List<Value.Tensor> tensorArgs = values.values().stream()
        .filter(Value.Tensor.class::isInstance).map(Value.Tensor.class::cast).toList();
    if (!tensorArgs.isEmpty()) {
      contexts.put(layer, tensorArgs);
    }
    return layer;
  }

  /** A value that must be a tensor: a model's outputs give their default, a number becomes a scalar. */
  Value.Tensor tensor(Expr expr) {
    Value v = eval(expr);
    return asTensor(v, expr.span());
  }

  Value.Tensor asTensor(Value v, Span span) {
    if (v instanceof Value.Tensor t) {
      return t;
    }
    if (v instanceof Value.Outputs o) {
      return new Value.Tensor(o.outputs().values().iterator().next(), o.origin());
    }
    if (v instanceof Value.Const c && c.value() instanceof Number) {
      return new Value.Tensor(TensorType.scalar(), span);
    }
    if (v instanceof Value.States states) {
      Diagnostic d = Diagnostic.at(Code.NN0206, span, "expected a tensor, found " + states.describe());
      // A name is the record itself; anything else (a pipeline's stage) has to be bound to be taken apart.
      boolean named = span.text().matches("[A-Za-z_][A-Za-z0-9_]*");
      String record = named ? span.text() : "enc";
      List<String> members = states.results().keySet().stream().map(n -> "`" + record + "." + n + "`").toList();
      diagnostics.report((named ? d.label(states.origin(), "`states: true` makes this a record") : d)
          .help((named ? "take one of its members: " : "bind the record, `let enc = ...`, and take one of its members: ")
              + String.join(", ", members) + " (" + members.get(0) + " is the layer's output)"));
      return null;
    }
    if (!(v instanceof Value.Error)) {
      diagnostics.error(Code.NN0206, span, "expected a tensor, found " + v.describe());
    }
    return null;
  }

  /** Applies a layer, function or model to tensors. */
  Value apply(Value f, List<Value.Tensor> inputs, Span at) {
    if (f instanceof Value.Model model) {
      return applyModel(model, inputs, at);
    }
    Value.Layer layer = (Value.Layer) f;
    TensorOp op = layer.op();
    int wanted = op.signature().tensorInputs();
    if (wanted != Signature.VARIADIC && inputs.size() != wanted) {
      diagnostics.report(Diagnostic.at(Code.NN0203, at,
          op.name() + " takes " + wanted + " tensor" + (wanted == 1 ? "" : "s") + ", found " + inputs.size()));
      return Value.ERROR;
    }
    inputs = withNamedTensors(layer, inputs);
    List<TensorType> types = inputs.stream().map(Value.Tensor::type).toList();
    TensorType out;
    Map<String, TensorType> results;
    try {
      out = op.outputType(layer.args(), types);
      results = op.results(layer.args(), types);
    } catch (ShapeException e) {
      boolean elementwise = op.kind() != Kind.LAYER;
      Diagnostic d = Diagnostic.at(elementwise ? Code.NN0302 : Code.NN0301, at, e.getMessage());
      java.util.Set<Span> labelled = new java.util.HashSet<>(List.of(at));
      List<Value.Tensor> shown = new ArrayList<>(inputs);
      shown.addAll(contexts.getOrDefault(layer, List.of()));
      for (Value.Tensor input : shown) {
        if (labelled.add(input.origin())) { // an LSTM's h and c come from one place: one label
          d = d.label(input.origin(), "this is " + input.type());
        }
      }
      diagnostics.report(e.help() == null ? d : d.help(e.help()));
      return Value.ERROR;
    }
    Value.Tensor first = inputs.isEmpty() ? null : applied.putIfAbsent(layer, inputs.get(0));
    if (first != null && !op.weights(layer.args(), List.of(first.type())).equals(op.weights(layer.args(), types))) {
      diagnostics.report(Diagnostic.at(Code.NN0301, at,
              "this shared " + op.name() + " layer has weights for " + first.type() + ", but here it gets " + types.get(0))
          .label(first.origin(), "its weights were made for this input")
          .label(layer.origin(), "the layer is made once here")
          .help("a layer bound with `let` shares one set of weights; write the layer twice for two sets"));
      return Value.ERROR;
    }
    Value.Tensor result = new Value.Tensor(out, at);
    long trainable = 0;
    long fixed = 0;
    for (WeightSpec w : op.weights(layer.args(), types)) {
      if (w.trainable()) {
        trainable += w.count();
      } else {
        fixed += w.count();
      }
    }
    checker.recordApplication(at, new Application(out, trainable, fixed));
    if (graph != null && op.kind() != Kind.LOSS && op.kind() != Kind.METRIC) {
      List<Value.Tensor> edges = new ArrayList<>(inputs);
      edges.addAll(contexts.getOrDefault(layer, List.of()));
      if (first == null) {
        rowOf.put(layer, graph.add(layerNames.getOrDefault(layer, op.name()), new Row.Builtin(op, layer.args()), result, edges, trainable, fixed));
      } else {
        graph.reuse(rowOf.get(layer), result, edges);
      }
    }
    if (op.name().equals("dense") && types.get(0).rank() > 3) {
      diagnostics.report(Diagnostic.at(Code.NN0901, at,
              "dense applies to the last axis of " + types.get(0) + ", keeping the others")
          .help("if you meant one vector per record, `flatten` first"));
    }
    return results.isEmpty() ? result : new Value.States(op.name(), results, at);
  }

  /** The inputs of an application: the positional ones, then the tensors given by name ({@code initial:}). */
  @SuppressWarnings("unchecked")
  private static List<Value.Tensor> withNamedTensors(Value.Layer layer, List<Value.Tensor> inputs) {
    List<Value.Tensor> all = new ArrayList<>(inputs);
    for (dev.nnc.stdlib.spec.Param param : layer.op().signature().tensorParams()) {
      all.addAll((List<Value.Tensor>) layer.args().get(param.name()));
    }
    return all;
  }

  private Value applyModel(Value.Model model, List<Value.Tensor> inputs, Span at) {
    ModelInstance instance = checker.models().instantiate(model, inputs, at);
    if (instance == null) {
      return Value.ERROR;
    }
    Value.Tensor first = new Value.Tensor(instance.outputs().values().iterator().next(), at);
    checker.recordApplication(at, new Application(first.type(), instance.trainable(), instance.nonTrainable()));
    if (graph != null) {
      // The model's default output stands for it in the graph; its other outputs come from the same row.
      graph.add(Names.snake(model.decl().name().name()), new Row.Model(instance), first, inputs,
          instance.trainable(), instance.nonTrainable());
    }
    return new Value.Outputs(model, instance.outputs(), at);
  }

  // ------------------------------------------------------------------ pipelines

  private Value pipeline(Pipeline p) {
    Value current = eval(p.source());
    Span from = p.source().span();
    for (Expr stage : p.stages()) {
      Value.Tensor input = current instanceof Value.Error ? null : asTensor(current, from);
      if (input == null) {
        return Value.ERROR;
      }
      current = stage(stage, input);
      checker.record(stage, current);
      from = stage.span();
    }
    return current;
  }

  private Value stage(Expr stage, Value.Tensor input) {
    if (stage instanceof Call c) {
      return call(c, input);
    }
    if (stage instanceof Repeat r) {
      return repeat(r, input);
    }
    if (stage instanceof For f) {
      return loop(f, input);
    }
    Value f = eval(stage);
    if (f instanceof Value.Layer || f instanceof Value.Model) {
      return apply(f, List.of(input), stage.span());
    }
    if (f instanceof Value.ModelRef ref) {
      Value.Model model = checker.models().bindHyper(ref.decl(), null, this);
      return model == null ? Value.ERROR : applyModel(model, List.of(input), stage.span());
    }
    if (!(f instanceof Value.Error)) {
      diagnostics.report(Diagnostic.at(Code.NN0206, stage.span(),
              "a pipeline stage must be a layer, a function or a model, found " + f.describe())
          .help("`a -> f` feeds `a` into `f`; to combine tensors use an operator such as `+`"));
    }
    return Value.ERROR;
  }

  /** {@code repeat} and {@code for} are stages: they need a value flowing in from {@code ->}. */
  private Value misplacedBlock(Span span, String keyword) {
    diagnostics.report(Diagnostic.at(Code.NN0206, span, "a `" + keyword + "` block is a pipeline stage")
        .help("feed it a tensor: `x -> " + keyword + " ... { ... }`"));
    return Value.ERROR;
  }

  /** {@code repeat(n) { stages }}: the stages applied n times, each copy with its own parameters. */
  private Value repeat(Repeat r, Value.Tensor input) {
    Value count = eval(r.count());
    if (!(count instanceof Value.Const c) || !(c.value() instanceof Long n) || n < 0) {
      if (!(count instanceof Value.Error)) {
        diagnostics.error(Code.NN0208, r.count().span(), "repeat takes a whole number of copies, found " + count.describe());
      }
      return Value.ERROR;
    }
    Value current = input;
    for (long i = 0; i < n && !(current instanceof Value.Error); i++) {
      current = stages(r.body(), current);
    }
    return current;
  }

  /** {@code for i in a..b { stages }}: the stages applied once per value, with {@code i} bound to it. */
  private Value loop(For f, Value.Tensor input) {
    Value range = eval(f.range());
    if (!(range instanceof Value.Const c) || !(c.value() instanceof List<?> values)) {
      if (!(range instanceof Value.Error)) {
        diagnostics.error(Code.NN0201, f.range().span(), "for takes a range such as 0..4 or a list, found " + range.describe());
      }
      return Value.ERROR;
    }
    String name = f.variable().name();
    Value shadowed = locals.get(name);
    Value current = input;
    for (Object value : values) {
      locals.put(name, new Value.Const(value));
      current = stages(f.body(), current);
      if (current instanceof Value.Error) {
        break;
      }
    }
    if (shadowed == null) {
      locals.remove(name);
    } else {
      locals.put(name, shadowed);
    }
    return current;
  }

  /** The body of a block, {@code a -> b -> c} with no source: each part is a stage applied in turn. */
  private Value stages(Expr body, Value input) {
    Value current = input;
    for (Expr part : Ast.blockStages(body)) {
      Value.Tensor tensor = asTensor(current, body.span());
      if (tensor == null) {
        return Value.ERROR;
      }
      current = stage(part, tensor);
      checker.record(part, current);
    }
    return current;
  }

  // ------------------------------------------------------------------ operators

  private Value binary(Binary b) {
    Value left = eval(b.left());
    Value right = eval(b.right());
    if (left instanceof Value.Error || right instanceof Value.Error) {
      return Value.ERROR;
    }
    if (left instanceof Value.Const l && right instanceof Value.Const r) {
      Hyper.Op op = Hyper.Op.of(b.op().symbol);
      Object result = op == null ? null : Hyper.tryApply(op, l.value(), r.value());
      if (result == null) {
        diagnostics.error(Code.NN0201, b.span(),
            "cannot apply `" + b.op().symbol + "` to " + left.describe() + " and " + right.describe());
        return Value.ERROR;
      }
      return new Value.Const(result);
    }
    TensorOp op = TensorOperators.of(b.op());
    if (op == null) {
      diagnostics.error(Code.NN0206, b.span(),
          "`" + b.op().symbol + "` works on compile-time values, not on " + left.describe());
      return Value.ERROR;
    }
    Value.Tensor a = asTensor(left, b.left().span());
    Value.Tensor c = asTensor(right, b.right().span());
    if (a == null || c == null) {
      return Value.ERROR;
    }
    return apply(new Value.Layer(op, Args.of(op.signature()), b.span()), List.of(a, c), b.span());
  }

  private Value unary(Unary u) {
    Value operand = eval(u.operand());
    if (operand instanceof Value.Const c) {
      Object result = Hyper.tryUnary(u.op(), c.value());
      if (result == null) {
        diagnostics.error(Code.NN0201, u.span(), "cannot apply `" + u.op() + "` to " + operand.describe());
        return Value.ERROR;
      }
      return new Value.Const(result);
    }
    Value.Tensor t = u.op().equals("-") ? asTensor(operand, u.operand().span()) : null;
    if (t != null) {
      return new Value.Tensor(t.type(), u.span());
    }
    return Value.ERROR;
  }

  private Value conditional(If i) {
    Value condition = eval(i.condition());
    if (condition instanceof Value.Const c && c.value() instanceof Boolean yes) {
      Value chosen = eval(yes ? i.then() : i.otherwise());
      if (!(chosen instanceof Value.Const)) {
        // Generated code decides at graph-building time, where another use of the model may take the
        // other branch: learn what that branch is too, without reporting on it for this use.
        Expr other = yes ? i.otherwise() : i.then();
        diagnostics.muted(() -> new Evaluator(checker, new LinkedHashMap<>(locals), null, tensorScope).eval(other));
      }
      return chosen;
    }
    if (!(condition instanceof Value.Error)) {
      diagnostics.error(Code.NN0207, i.condition().span(),
          "the condition of `if` must be a compile-time true or false, found " + condition.describe());
    }
    return Value.ERROR;
  }

  /** Fresh locals for a nested scope. */
  static Map<String, Value> scope() {
    return new LinkedHashMap<>();
  }
}
