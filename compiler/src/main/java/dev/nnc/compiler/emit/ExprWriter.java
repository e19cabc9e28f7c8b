package dev.nnc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.nnc.compiler.check.Names;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.TensorOperators;
import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.lower.Expressions;
import dev.nnc.compiler.lower.HyperExpr;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.compiler.syntax.Ast.*;
import dev.nnc.runtime.train.Period;
import dev.nnc.stdlib.Builtin;
import dev.nnc.stdlib.Builtins;
import dev.nnc.stdlib.Hyper;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.RatioMetric;
import dev.nnc.stdlib.TensorOp;
import dev.nnc.stdlib.spec.InitCall;
import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes `.nn` expressions as Java: tensor expressions as {@code Layer} applications on {@code net},
 * compile-time expressions as Java arithmetic over the model's hyper-parameter fields, datasets as
 * pipeline calls. What each expression is comes from the checker's table, never from guessing.
 */
final class ExprWriter {
  static final ClassName LAYER = ClassName.get("dev.nnc.stdlib", "Layer");
  static final ClassName BUILTINS = ClassName.get("dev.nnc.stdlib", "Builtins");
  static final ClassName STAGES = ClassName.get("dev.nnc.stdlib", "Stages");
  static final ClassName HYPER = ClassName.get(Hyper.class);
  static final ClassName INIT_CALL = ClassName.get(InitCall.class);
  static final ClassName LIST = ClassName.get(List.class);

  private final Program program;
  private final String packageName;
  /** How a tensor-valued name is written in this scope (a local variable, {@code v.get("x")}). */
  private final Map<String, CodeBlock> tensors;
  /** Names of layer values bound with {@code let} (shared layers). */
  private final Set<String> layers;
  /** Names of compile-time values that are Java variables: hyper-parameter fields, loop variables. */
  private final Set<String> hyper;
  /** The Java types of those variables that have a primitive one; the others are {@code Object}s. */
  private final Map<String, Scalar> scalars = new HashMap<>();
  /** Java names in scope where the code is written, which a block's lambda parameter must not reuse. */
  private final Set<String> taken = new HashSet<>();
  /** In a training step: the job's models, by name, as the Java variables that hold them. */
  private Map<String, String> jobModels = Map.of();

  ExprWriter(Program program, String packageName, Map<String, CodeBlock> tensors, Set<String> layers, Set<String> hyper) {
    this.program = program;
    this.packageName = packageName;
    this.tensors = tensors;
    this.layers = layers;
    this.hyper = hyper;
  }

  /** A writer for the statements of a step or {@code every} block of a job with these models. */
  ExprWriter inStep(Map<String, String> models) {
    this.jobModels = models;
    return this;
  }

  private Value valueOf(Expr e) {
    return program.valueOf(e);
  }

  // ------------------------------------------------------------------ tensors

  /** A tensor-valued expression as an {@code Operand<?>}. */
  CodeBlock tensor(Expr e) {
    Value v = valueOf(e);
    if (v instanceof Value.Const) {
      return CodeBlock.of("$T.constant(net, $L)", LAYER, real(e));
    }
    if (e instanceof Name n) {
      return tensors.containsKey(n.name()) ? tensors.get(n.name()) : CodeBlock.of("$L", JavaNames.identifier(n.name()));
    }
    if (e instanceof Member m && m.target() instanceof Name model && jobModels.containsKey(model.name())) {
      return CodeBlock.of("$L.param($S, $S)", JobGenerator.STEP, model.name(), m.member().name());
    }
    if (e instanceof Member m && valueOf(m.target()) instanceof Value.States) {
      return CodeBlock.of("$L.get($S)", tensor(m.target()), m.member().name());
    }
    if (e instanceof Member m) {
      return CodeBlock.of("$L.$L()", outputs(m.target()), JavaNames.identifier(m.member().name()));
    }
    if (e instanceof Call c) {
      return call(c, null);
    }
    if (e instanceof Binary b) {
      return CodeBlock.of("$T.of($T.$L).apply(net, $L, $L)", LAYER, BUILTINS,
          Builtins.constantName(TensorOperators.of(b.op())), tensor(b.left()), tensor(b.right()));
    }
    if (e instanceof Unary u) {
      return CodeBlock.of("$T.of($T.MUL).apply(net, $L, $T.constant(net, -1))", LAYER, BUILTINS, tensor(u.operand()), LAYER);
    }
    if (e instanceof Pipeline p) {
      return pipeline(p, tensor(p.source()));
    }
    if (e instanceof If i) {
      return CodeBlock.of("($L ? $L : $L)", truth(i.condition()), branch(i.then()), branch(i.otherwise()));
    }
    throw new IllegalStateException("not a tensor expression: " + e);
  }

  /** A branch of a tensor {@code if}; one the checker found invalid for every use fails if ever taken. */
  private CodeBlock branch(Expr e) {
    Value v = valueOf(e);
    if (v == null || v instanceof Value.Error) {
      return CodeBlock.of("$T.notApplicable($S)", STAGES, e.span().text());
    }
    return tensor(e);
  }

  /** The stages applied one after the other to {@code input}, nested. */
  CodeBlock pipeline(Pipeline p, CodeBlock input) {
    CodeBlock current = input;
    for (Expr stage : p.stages()) {
      current = stage(stage, current);
    }
    return current;
  }

  CodeBlock stage(Expr stage, CodeBlock input) {
    if (stage instanceof Call c) {
      return call(c, input);
    }
    if (stage instanceof Repeat r) {
      String x = blockVariable();
      return CodeBlock.of("$T.repeat($L, $L, $L -> {\n$>$L$<})", STAGES, whole(r.count()), input, x,
          with(null, x).blockBody(r.body(), x));
    }
    if (stage instanceof For f) {
      String x = blockVariable();
      String i = JavaNames.identifier(f.variable().name());
      return CodeBlock.of("$T.forEach($L, $L, ($L, $L) -> {\n$>$L$<})", STAGES, constant(f.range()), input, i, x,
          with(f.variable().name(), x).blockBody(f.body(), x));
    }
    Value v = valueOf(stage);
    if (stage instanceof Name n && layers.contains(n.name())) {
      return CodeBlock.of("$L.$L(net, $L)", JavaNames.identifier(n.name()), applyMethod(v), input);
    }
    if (stage instanceof Name n && Builtins.lookup(n.name()).orElse(null) instanceof TensorOp op) {
      return CodeBlock.of("$L.apply(net, $L)", layer(op, List.of()), input);
    }
    if (stage instanceof Name n && jobModels.containsKey(n.name()) && v instanceof Value.Model m) {
      return CodeBlock.of("$L.$L()", jobApplication(n.name(), input), firstOutput(m.decl()));
    }
    if (v instanceof Value.Outputs o) {
      return CodeBlock.of("$L.$L()", modelApplication(o.model().decl(), List.of(), input), firstOutput(o.model().decl()));
    }
    if (v instanceof Value.ModelRef ref) {
      // `x -> Block`: the model with its default hyper-parameters, as `x -> Block()` (the checker binds them so).
      return CodeBlock.of("$L.$L()", modelApplication(ref.decl(), List.of(), input), firstOutput(ref.decl()));
    }
    throw new IllegalStateException("unsupported stage " + stage);
  }

  /**
   * The statements of a block's body: each stage reassigns the block's variable, so the generated
   * code reads stage by stage like the source.
   */
  private CodeBlock blockBody(Expr body, String x) {
    CodeBlock.Builder b = CodeBlock.builder();
    if (valueOf(Ast.blockStages(body).get(0)) == null) {
      // No use of the model ran the block even once (`for i in 5..3`, `repeat(n - 1)` with n = 1): there
      // are no checked values to write it from, and no use the checker saw needs it.
      return b.add("return $T.notApplicable($S);\n", STAGES, body.span().text()).build();
    }
    // Plain lines, not addStatement: this block sits inside the statement that applies it.
    for (Expr part : Ast.blockStages(body)) {
      b.add("$L = $L;\n", x, stage(part, CodeBlock.of("$L", x)));
    }
    return b.add("return $L;\n", x).build();
  }

  /** Declares names the written code sits among (the model's inputs, lets and outputs). */
  ExprWriter avoiding(Set<String> names) {
    taken.addAll(names);
    return this;
  }

  /** The lambda parameter of a block: {@code x}, or {@code x2}, {@code x3}... when that name is taken. */
  private String blockVariable() {
    String name = "x";
    for (int n = 2; taken.contains(name) || hyper.contains(name); n++) {
      name = "x" + n;
    }
    return name;
  }

  /** A writer for a block's body: one level deeper, with the loop variable (if any) written as a Java name. */
  private ExprWriter with(String loopVariable, String blockVariable) {
    Set<String> names = new HashSet<>(hyper);
    if (loopVariable != null) {
      names.add(loopVariable);
    }
    ExprWriter inner = new ExprWriter(program, packageName, tensors, layers, names);
    inner.taken.addAll(taken);
    inner.scalars.putAll(scalars);
    if (loopVariable != null) {
      inner.scalars.remove(loopVariable);
    }
    inner.taken.add(blockVariable);
    inner.jobModels = jobModels;
    return inner;
  }

  private CodeBlock call(Call c, CodeBlock piped) {
    if (c.callee() instanceof Name n && layers.contains(n.name())) {
      return CodeBlock.of("$L.$L(net, $L)", JavaNames.identifier(n.name()), applyMethod(valueOf(c)), tensorArgs(piped, c.args()));
    }
    Builtin builtin = c.callee() instanceof Name n && !tensors.containsKey(n.name()) && program.allDecls().stream().noneMatch(d -> d.name().name().equals(n.name()))
        ? Builtins.lookup(n.name()).orElse(null) : null;
    if (builtin instanceof TensorOp op) {
      if (op.kind() == Kind.LAYER) {
        CodeBlock layer = layer(op, c.args());
        return piped == null ? layer : CodeBlock.of("$L.$L(net, $L)", layer, applyMethod(valueOf(c)), piped);
      }
      return function(op, c.args(), piped, "apply");
    }
    if (c.callee() instanceof Name n && jobModels.containsKey(n.name()) && valueOf(c) instanceof Value.Outputs o) {
      return CodeBlock.of("$L.$L()", jobApplication(n.name(), tensorArgs(piped, c.args())), firstOutput(o.model().decl()));
    }
    if (valueOf(c) instanceof Value.Outputs o) {
      // Either `x -> Block(64)` (the call binds hyper-parameters, the input is piped) or
      // `Block(64)(x)` (the callee binds them, the call's arguments are the inputs).
      boolean piping = piped != null && !(c.callee() instanceof Call);
      List<Arg> hyperArgs = piping ? c.args() : c.callee() instanceof Call h ? h.args() : List.of();
      CodeBlock inputs = piping ? piped : tensorArgs(piped, c.args());
      return CodeBlock.of("$L.$L()", modelApplication(o.model().decl(), hyperArgs, inputs), firstOutput(o.model().decl()));
    }
    throw new IllegalStateException("unsupported call " + c.span().text());
  }

  /**
   * How a layer whose result is {@code value} is applied: {@code outputs} for a record of several
   * results ({@code states: true}), which generated code holds as {@code Outputs}; else {@code apply}.
   */
  private static String applyMethod(Value value) {
    return value instanceof Value.States ? "outputs" : "apply";
  }

  /**
   * A job's ratio metric as the batch's counts, which the trainer sums over the epoch:
   * {@code Layer.of(Builtins.PRECISION).ratio(net, v.get("logits"), v.get("label"))}.
   */
  CodeBlock ratio(RatioMetric op, Call c) {
    return function(op, c.args(), null, "ratio");
  }

  /** A function, loss or metric: its tensors first, the rest its configuration ({@code concat(a, b, axis: 1)}). */
  private CodeBlock function(TensorOp op, List<Arg> args, CodeBlock piped, String method) {
    List<Arg> config = new ArrayList<>();
    List<Arg> tensorArgs = new ArrayList<>();
    int wanted = op.signature().tensorInputs();
    int have = piped == null ? 0 : 1;
    for (Arg arg : args) {
      if (arg.name() == null && (wanted == Signature.VARIADIC || have < wanted)) {
        tensorArgs.add(arg);
        have++;
      } else {
        config.add(arg);
      }
    }
    CodeBlock operands = tensorArgs(piped, tensorArgs);
    return operands.isEmpty()
        ? CodeBlock.of("$L.$L(net)", layer(op, config), method)
        : CodeBlock.of("$L.$L(net, $L)", layer(op, config), method, operands);
  }

  private CodeBlock tensorArgs(CodeBlock piped, List<Arg> args) {
    List<CodeBlock> all = new ArrayList<>();
    if (piped != null) {
      all.add(piped);
    }
    for (Arg arg : args) {
      all.add(tensor(arg.value()));
    }
    return CodeBlock.join(all, ", ");
  }

  /** {@code new Residual(64).apply(net.scope("residual"), x)}: a model used as a layer. */
  private CodeBlock modelApplication(Ast.Model model, List<Arg> hyperArgs, CodeBlock inputs) {
    ClassName type = ClassName.get(packageName, JavaNames.modelClass(model.name().name()));
    CodeBlock instance = modelInstance(model, hyperArgs, type);
    return CodeBlock.of("$L.apply(net.scope($S), $L)", instance, Names.snake(model.name().name()), inputs);
  }

  /** {@code g.apply($step.in("g"), z)}: a job's model applied, sharing its weights with every other application. */
  private CodeBlock jobApplication(String model, CodeBlock inputs) {
    return CodeBlock.of("$L.apply($L.in($S), $L)", jobModels.get(model), JobGenerator.STEP, model, inputs);
  }

  private static String firstOutput(Ast.Model model) {
    return model.body().stream().filter(s -> s instanceof Ast.Output).findFirst()
        .map(s -> JavaNames.identifier(s.name().name())).orElseThrow();
  }

  /** {@code m(x).name}: the model applied, before an output is chosen. */
  private CodeBlock outputs(Expr target) {
    if (target instanceof Call c && c.callee() instanceof Name n && jobModels.containsKey(n.name())) {
      return jobApplication(n.name(), tensorArgs(null, c.args()));
    }
    if (target instanceof Call c && valueOf(target) instanceof Value.Outputs o) {
      List<Arg> hyperArgs = c.callee() instanceof Call h ? h.args() : List.of();
      return modelApplication(o.model().decl(), hyperArgs, tensorArgs(null, c.args()));
    }
    return tensor(target);
  }

  /** {@code new FashionCnn(10)}: hyper-parameters in declaration order, defaults filled in. */
  CodeBlock modelInstance(Ast.Model decl, List<Arg> args, ClassName type) {
    List<CodeBlock> values = new ArrayList<>();
    for (int i = 0; i < decl.hyperParams().size(); i++) {
      HyperParam h = decl.hyperParams().get(i);
      Expr given = null;
      int position = 0;
      for (Arg arg : args) {
        if (arg.name() == null ? position++ == i : arg.name().name().equals(h.name().name())) {
          given = arg.value();
        }
      }
      Expr value = given != null ? given : h.defaultValue();
      values.add(switch (h.type().name().name()) {
        case "int" -> whole(value);
        case "float" -> real(value);
        case "bool" -> truth(value);
        default -> text(value);
      });
    }
    return CodeBlock.of("new $T($L)", type, CodeBlock.join(values, ", "));
  }

  // ------------------------------------------------------------------ layers and arguments

  /** {@code Layer.of(Builtins.CONV2D, "filters", 32, "kernel", 5, "padding", "same")}. */
  CodeBlock layer(TensorOp op, List<Arg> args) {
    CodeBlock.Builder b = CodeBlock.builder().add("$T.of($T.$L", LAYER, BUILTINS, Builtins.constantName(op));
    arguments(op.signature(), args).forEach(pair -> b.add(", $L", pair));
    return b.add(")").build();
  }

  /** {@code Builtins.ADAM.with("lr", 0.001)}. */
  CodeBlock optimizer(Expr e) {
    return configured(((Value.Optimizer) valueOf(e)).def(), e);
  }

  /**
   * A built-in configured by its call, an optimizer or a schedule: {@code Builtins.COSINE.with(...)};
   * a long call (a schedule inside an optimizer) wraps between arguments.
   */
  private CodeBlock configured(Builtin def, Expr e) {
    List<Arg> args = e instanceof Call c ? c.args() : List.of();
    return CodeBlock.of("$T.$L.with($L)", BUILTINS, Builtins.constantName(def),
        CodeBlock.join(arguments(def.signature(), args), ",$W"));
  }

  /** Each argument as its parameter's name and its value: {@code "filters", 32}. */
  private List<CodeBlock> arguments(Signature signature, List<Arg> args) {
    List<CodeBlock> pairs = new ArrayList<>();
    List<Param> params = dev.nnc.compiler.check.ArgBinding.paramsOf(signature, args);
    for (int i = 0; i < args.size(); i++) {
      Param param = params.get(i);
      pairs.add(CodeBlock.of("$S, $L", param.name(), argument(param, args.get(i).value())));
    }
    return pairs;
  }

  /** The tensors of {@code initial: enc} (each state of the record), {@code initial: [h, c]} or {@code initial: h}. */
  private List<CodeBlock> namedTensors(Expr value) {
    if (valueOf(value) instanceof Value.States states) {
      CodeBlock record = tensor(value);
      return states.results().keySet().stream().skip(1).map(n -> CodeBlock.of("$L.get($S)", record, n)).toList();
    }
    List<Expr> items = value instanceof ListExpr l ? l.items() : List.of(value);
    return items.stream().map(this::tensor).toList();
  }

  /** A {@code param}'s initializer: {@code "zeros"}, {@code new InitCall("normal", List.of(0.0, 0.01))}. */
  CodeBlock initializer(Expr init) {
    return init == null
        ? CodeBlock.of("$S", "glorot_uniform")
        : argument(Param.named("init", ParamType.INITIALIZER, "glorot_uniform"), init);
  }

  private CodeBlock argument(Param param, Expr value) {
    ParamType type = param.type();
    if (type instanceof ParamType.Choice || type == ParamType.ACTIVATION
        || type == ParamType.INITIALIZER && value instanceof Name) {
      String word = value instanceof Name n ? n.name() : ((Str) value).value();
      return CodeBlock.of("$S", word);
    }
    if (type == ParamType.TENSORS) {
      return CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(namedTensors(value), ", "));
    }
    if (type == ParamType.LEARNING_RATE && valueOf(value) instanceof Value.Schedule schedule) {
      return configured(schedule.def(), value);
    }
    if (type == ParamType.TENSOR) {
      return tensor(value);
    }
    if (type == ParamType.DURATION) {
      Value.Duration d = (Value.Duration) ((Value.Const) valueOf(value)).value();
      return period(Period.parse(d.amount(), d.unit()).orElseThrow());
    }
    if (type == ParamType.INITIALIZER) {
      Call call = (Call) value;
      List<CodeBlock> numbers = new ArrayList<>();
      for (Arg a : call.args()) {
        numbers.add(CodeBlock.of("(double) $L", real(a.value())));
      }
      return CodeBlock.of("new $T($S, $T.of($L))", INIT_CALL, ((Name) call.callee()).name(), LIST, CodeBlock.join(numbers, ", "));
    }
    return constant(value);
  }

  // ------------------------------------------------------------------ compile-time values

  /**
   * The Java type a compile-time expression is written with: a hyper-parameter field's type, or
   * {@code OBJECT} for a value of {@code Hyper}'s arithmetic, whose type (Long or Double) may depend on
   * the value, as the checker's does ({@code 8 / 2} is an int, {@code 8 / 16} a float).
   */
  enum Scalar { LONG, DOUBLE, BOOLEAN, STRING, OBJECT }

  private record Written(CodeBlock code, Scalar type) {}

  /** Declares a compile-time name the written code reads as a Java variable of this type. */
  void declare(String name, Scalar type) {
    hyper.add(name);
    scalars.put(name, type);
  }

  /** A compile-time value where any value fits: a built-in's argument, a list. */
  CodeBlock constant(Expr e) {
    return written(e).code();
  }

  /** A compile-time value where Java wants a {@code long}: a count, a size. */
  CodeBlock whole(Expr e) {
    Written w = written(e);
    return w.type() == Scalar.LONG ? w.code() : CodeBlock.of("$T.whole($L)", HYPER, w.code());
  }

  /** A compile-time value where Java wants a {@code double}; an int is promoted, as the checker promotes it. */
  CodeBlock real(Expr e) {
    Written w = written(e);
    return w.type() == Scalar.LONG || w.type() == Scalar.DOUBLE ? w.code() : CodeBlock.of("$T.real($L)", HYPER, w.code());
  }

  /** A compile-time value where Java wants a {@code boolean}: the condition of an {@code if}. */
  CodeBlock truth(Expr e) {
    Written w = written(e);
    return w.type() == Scalar.BOOLEAN ? w.code() : CodeBlock.of("$T.truth($L)", HYPER, w.code());
  }

  /** A compile-time value where Java wants a {@code String}. */
  CodeBlock text(Expr e) {
    Written w = written(e);
    return w.type() == Scalar.STRING ? w.code() : CodeBlock.of("(String) $L", w.code());
  }

  /** The Java type of a compile-time value as {@link #constant} writes it. */
  Scalar scalarOf(Expr e) {
    return written(e).type();
  }

  /**
   * An expression that does not read a hyper-parameter is written as the value the checker computed;
   * one that does is lowered ({@link Expressions}) and computed when the graph is built, by
   * {@code Hyper}'s rules, which are the checker's. Java's own operators are used only where their rule
   * is the checker's: {@code + - * %} and comparisons of two ints, {@code and or == !=} of two bools.
   */
  private Written written(Expr e) {
    return written(Expressions.lower(e, hyper, program));
  }

  private Written written(HyperExpr e) {
    if (e instanceof HyperExpr.Const c) {
      return new Written(literal(c.value()), scalarOfValue(c.value()));
    }
    if (e instanceof HyperExpr.Var v) {
      return new Written(CodeBlock.of("$L", JavaNames.identifier(v.name())), scalars.getOrDefault(v.name(), Scalar.OBJECT));
    }
    if (e instanceof HyperExpr.Binary b) {
      return binary(b.op(), written(b.left()), written(b.right()));
    }
    if (e instanceof HyperExpr.Unary u) {
      Written operand = written(u.operand());
      boolean negation = u.op().equals("-");
      if (negation ? operand.type() == Scalar.LONG || operand.type() == Scalar.DOUBLE : operand.type() == Scalar.BOOLEAN) {
        return new Written(CodeBlock.of("($L$L)", negation ? "-" : "!", operand.code()), operand.type());
      }
      return new Written(CodeBlock.of("$T.$L($L)", HYPER, negation ? "neg" : "not", operand.code()), Scalar.OBJECT);
    }
    if (e instanceof HyperExpr.Cond i) {
      Written condition = written(i.condition());
      CodeBlock test = condition.type() == Scalar.BOOLEAN ? condition.code() : CodeBlock.of("$T.truth($L)", HYPER, condition.code());
      Written then = written(i.then());
      Written otherwise = written(i.otherwise());
      if (then.type() == otherwise.type()) {
        return new Written(CodeBlock.of("($L ? $L : $L)", test, then.code(), otherwise.code()), then.type());
      }
      // Casts keep Java from promoting an int branch to double, as the checker does not.
      return new Written(CodeBlock.of("($L ? (Object) $L : (Object) $L)", test, then.code(), otherwise.code()), Scalar.OBJECT);
    }
    if (e instanceof HyperExpr.Unchecked u) {
      return new Written(CodeBlock.of("$T.unchecked($S)", HYPER, u.source()), Scalar.OBJECT);
    }
    HyperExpr.ListOf l = (HyperExpr.ListOf) e;
    return new Written(CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(l.items().stream().map(item -> written(item).code()).toList(), ", ")),
        Scalar.OBJECT);
  }

  private static Written binary(Hyper.Op op, Written left, Written right) {
    boolean ints = left.type() == Scalar.LONG && right.type() == Scalar.LONG;
    boolean bools = left.type() == Scalar.BOOLEAN && right.type() == Scalar.BOOLEAN;
    switch (op) {
      case ADD, SUB, MUL, MOD -> {
        if (ints) {
          return new Written(CodeBlock.of("($L $L $L)", left.code(), op.symbol, right.code()), Scalar.LONG);
        }
      }
      case LT, LE, GT, GE -> {
        if (ints) {
          return new Written(CodeBlock.of("($L $L $L)", left.code(), op.symbol, right.code()), Scalar.BOOLEAN);
        }
      }
      case EQ, NE -> {
        if (ints || bools) {
          return new Written(CodeBlock.of("($L $L $L)", left.code(), op.symbol, right.code()), Scalar.BOOLEAN);
        }
      }
      case AND, OR -> {
        if (bools) {
          return new Written(CodeBlock.of("($L $L $L)", left.code(), op == Hyper.Op.AND ? "&&" : "||", right.code()),
              Scalar.BOOLEAN);
        }
      }
      default -> { }
    }
    return new Written(CodeBlock.of("$T.$L($L, $L)", HYPER, op.method(), left.code(), right.code()), Scalar.OBJECT);
  }

  private static Scalar scalarOfValue(Object value) {
    if (value instanceof Long) {
      return Scalar.LONG;
    }
    if (value instanceof Double) {
      return Scalar.DOUBLE;
    }
    if (value instanceof Boolean) {
      return Scalar.BOOLEAN;
    }
    return value instanceof String ? Scalar.STRING : Scalar.OBJECT;
  }

  boolean readsHyper(Expr e) {
    return Expressions.reads(e, hyper);
  }

  /** {@code Period.epochs(2)} or {@code Period.steps(1000)}. */
  static CodeBlock period(Period period) {
    return CodeBlock.of("$T.$L($L)", Period.class, period.unit() == Period.Unit.EPOCHS ? "epochs" : "steps",
        period.amount());
  }

  static CodeBlock literal(Object value) {
    if (value instanceof Long l) {
      return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? CodeBlock.of("$L", l) : CodeBlock.of("$LL", l);
    }
    if (value instanceof Double d) {
      return CodeBlock.of("$L", doubleLiteral(d));
    }
    if (value instanceof Boolean || value instanceof Value.Duration) {
      return CodeBlock.of("$L", value instanceof Value.Duration d ? d.amount() : value);
    }
    if (value instanceof String s) {
      return CodeBlock.of("$S", s);
    }
    if (value instanceof List<?> list) {
      return CodeBlock.of("$T.of($L)", LIST, CodeBlock.join(list.stream().map(ExprWriter::literal).toList(), ", "));
    }
    throw new IllegalStateException("no literal for " + value);
  }

  private static String doubleLiteral(double d) {
    if (Double.isNaN(d)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    String s = Double.toString(d);
    return s.contains("E") || s.contains(".") ? s : s + ".0";
  }
}
