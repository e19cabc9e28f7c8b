package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.Span;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.stdlib.init.InitializerBuiltin;
import dev.nnc.stdlib.layers.Activation;
import dev.nnc.stdlib.spec.InitCall;
import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Matches the arguments of a call against a signature: positions to names, names to parameters, and
 * each value to its parameter's type. Reports every mismatch; returns null if there was one.
 */
final class ArgBinder {
  private final Diagnostics diagnostics;

  ArgBinder(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * The parameter each argument binds to (null where it binds to none), in argument order. Positional
   * arguments fill the positional parameters in order. The emitter uses this too, so both agree.
   */
  static List<Param> paramsOf(Signature signature, List<Ast.Arg> args) {
    List<Param> positional = signature.params().stream().filter(Param::positional).toList();
    List<Param> result = new ArrayList<>();
    int position = 0;
    for (Ast.Arg arg : args) {
      if (arg.name() == null) {
        result.add(position < positional.size() ? positional.get(position) : null);
        position++;
      } else {
        result.add(signature.param(arg.name().name()).orElse(null));
      }
    }
    return result;
  }

  /**
   * Binds {@code args} (the configuration arguments only, tensors already taken off) of {@code what}
   * (the built-in or model name, for messages). {@code evaluate} gives an argument's compile-time value.
   */
  Map<String, Object> bind(
      String what, Signature signature, List<Ast.Arg> args, Span callSpan, Function<Ast.Expr, Value> evaluate) {
    Map<String, Object> bound = new LinkedHashMap<>();
    Map<String, Span> seen = new LinkedHashMap<>();
    boolean ok = true;
    List<Param> params = paramsOf(signature, args);
    for (int i = 0; i < args.size(); i++) {
      Ast.Arg arg = args.get(i);
      Param param = params.get(i);
      if (param == null) {
        ok = false;
        reportUnmatched(what, signature, arg);
        continue;
      }
      Span previous = seen.put(param.name(), arg.span());
      if (previous != null) {
        ok = false;
        diagnostics.report(Diagnostic.at(Code.NN0205, arg.span(),
                "`" + param.name() + "` is given twice in this call to " + what)
            .label(previous, "first given here"));
        continue;
      }
      Object value = convert(what, param, arg.value(), evaluate);
      if (value == null) {
        ok = false;
      } else {
        bound.put(param.name(), value);
      }
    }
    for (Param param : signature.params()) {
      if (param.isRequired() && !seen.containsKey(param.name())) {
        ok = false;
        diagnostics.report(Diagnostic.at(Code.NN0203, callSpan,
                what + " is missing its argument `" + param.name() + "`")
            .help("write it as " + signature.render(what)));
      }
    }
    return ok ? bound : null;
  }

  private void reportUnmatched(String what, Signature signature, Ast.Arg arg) {
    if (arg.name() == null) {
      long positional = signature.params().stream().filter(Param::positional).count();
      diagnostics.report(Diagnostic.at(Code.NN0204, arg.span(),
              what + " takes " + positional + " positional argument" + (positional == 1 ? "" : "s")
                  + ", this is one more")
          .help("the parameters are " + signature.render(what)));
      return;
    }
    String name = arg.name().name();
    List<String> names = signature.params().stream().map(Param::name).toList();
    Diagnostic d = Diagnostic.at(Code.NN0202, arg.name().span(), what + " has no parameter `" + name + "`");
    String close = Suggestions.closest(name, names);
    diagnostics.report(close != null
        ? d.help("did you mean `" + close + "`? The parameters are " + signature.render(what))
        : d.help("the parameters are " + signature.render(what)));
  }

  /** The Java value of an argument for {@code param}, or null after reporting why it does not fit. */
  private Object convert(String what, Param param, Ast.Expr expr, Function<Ast.Expr, Value> evaluate) {
    ParamType type = param.type();
    if (type instanceof ParamType.Choice choice) {
      return word(what, param, expr, choice.options());
    }
    if (type == ParamType.ACTIVATION) {
      List<String> options = new ArrayList<>(List.of("none"));
      Activation.ALL.forEach(a -> options.add(a.name()));
      return word(what, param, expr, options);
    }
    if (type == ParamType.INITIALIZER) {
      return initializer(what, param, expr, evaluate);
    }
    if (type == ParamType.TENSORS) {
      return tensors(what, param, expr, evaluate);
    }
    Value value = evaluate.apply(expr);
    if (value instanceof Value.Error) {
      return null;
    }
    if (value instanceof Value.Schedule schedule && type == ParamType.LEARNING_RATE) {
      return schedule.def().create(schedule.args());
    }
    if (type == ParamType.TENSOR && value instanceof Value.Tensor tensor) {
      // A tensor argument (attention's context:) is known here by its type; the shape rule reads it.
      return tensor.type();
    }
    Object constant = value instanceof Value.Const c ? c.value() : null;
    Object converted = constant == null ? null : Conversions.to(type, constant);
    if (converted == null) {
      diagnostics.report(Diagnostic.at(Code.NN0201, expr.span(),
              "`" + param.name() + "` of " + what + " must be " + describe(type) + ", found " + value.describe())
          .help(mismatchHelp(param, value, constant)));
      return null;
    }
    if (!Conversions.inRange(type, converted)) {
      diagnostics.error(Code.NN0208, expr.span(),
          "`" + param.name() + "` of " + what + " must be " + describe(type) + ", found " + value.describe());
      return null;
    }
    return converted;
  }

  private static String mismatchHelp(Param param, Value value, Object constant) {
    if (value instanceof Value.Schedule) {
      return "a schedule can only be a learning rate, as in `adam(lr: cosine(1e-3, over: 20 epochs))`";
    }
    if (param.type() == ParamType.DURATION && constant instanceof Long n) {
      return "say what counts: `" + n + " steps` or `" + n + " epochs`";
    }
    return "the parameters are " + param.name() + ": " + param.type().describe();
  }

  private static String describe(ParamType type) {
    String d = type.describe();
    return d.startsWith("int") ? "an " + d : "a " + d;
  }

  /**
   * Tensors given by name, as the {@link Value.Tensor}s they are ({@code initial: enc} of a record of
   * states, {@code initial: [h, c]}, {@code initial: h}); null after reporting. The application
   * takes them as inputs after its positional ones.
   */
  private Object tensors(String what, Param param, Ast.Expr expr, Function<Ast.Expr, Value> evaluate) {
    // A list's items are tensors, which a list of compile-time values cannot hold: evaluate them one by one.
    List<Ast.Expr> items = expr instanceof Ast.ListExpr list ? list.items() : List.of(expr);
    List<Value.Tensor> tensors = new ArrayList<>();
    for (Ast.Expr item : items) {
      Value v = evaluate.apply(item);
      if (v instanceof Value.States states && item == expr) {
        return states.states();
      }
      if (v instanceof Value.Error) {
        return null;
      }
      if (!(v instanceof Value.Tensor t)) {
        diagnostics.report(Diagnostic.at(Code.NN0201, item.span(),
                "`" + param.name() + "` of " + what + " takes tensors, found " + v.describe())
            .help("give the states of a recurrent layer with `states: true` (`initial: enc`), or a list of them"
                + " (`initial: [enc.h, enc.c]`)"));
        return null;
      }
      tensors.add(t);
    }
    return tensors;
  }

  /** A bare name from a fixed set ({@code padding: same}); a string literal is accepted too. */
  private Object word(String what, Param param, Ast.Expr expr, List<String> options) {
    String word = expr instanceof Ast.Name n ? n.name() : expr instanceof Ast.Str s ? s.value() : null;
    if (word != null && options.contains(word)) {
      return word;
    }
    Diagnostic d = Diagnostic.at(Code.NN0201, expr.span(),
        "`" + param.name() + "` of " + what + " must be one of " + String.join(", ", options)
            + ", found `" + expr.span().text() + "`");
    String close = word == null ? null : Suggestions.closest(word, options);
    diagnostics.report(close != null ? d.help("did you mean `" + close + "`?") : d);
    return null;
  }

  /** An initializer argument ({@code zeros}, {@code normal(0, 0.01)}), or null after reporting. */
  Object initializer(String what, Param param, Ast.Expr expr, Function<Ast.Expr, Value> evaluate) {
    if (expr instanceof Ast.Call call && call.callee() instanceof Ast.Name n
        && InitializerBuiltin.names().contains(n.name())) {
      List<Double> numbers = new ArrayList<>();
      for (Ast.Arg arg : call.args()) {
        Value v = evaluate.apply(arg.value());
        if (!(v instanceof Value.Const c) || !(c.value() instanceof Number number)) {
          diagnostics.report(Diagnostic.at(Code.NN0201, arg.span(),
              "arguments of the initializer " + n.name() + " must be numbers, found " + v.describe()));
          return null;
        }
        numbers.add(number.doubleValue());
      }
      return new InitCall(n.name(), numbers);
    }
    return word(what, param, expr, InitializerBuiltin.names());
  }

  static String render(Object value) {
    return Values.render(value);
  }
}
