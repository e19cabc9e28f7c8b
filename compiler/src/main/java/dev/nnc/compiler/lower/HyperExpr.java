package dev.nnc.compiler.lower;

import dev.nnc.stdlib.Hyper;
import dev.nnc.stdlib.spec.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A compile-time expression of the IR: a hyper-parameter expression as a generic model computes it
 * from its hyper-parameters, loop variables and input symbols. Whatever does not read one of those
 * is a {@link Const} holding the value the checker folded; the rest evaluates by {@link Hyper}'s
 * rules, which are the checker's, so {@link #eval} of an expression is what {@code nnc check} found.
 */
public sealed interface HyperExpr {
  /** The value with the variables bound as in {@code env}; fails as the checker would report. */
  Object eval(Map<String, Object> env);

  /** A value the checker computed. */
  record Const(Object value) implements HyperExpr {
    @Override
    public Object eval(Map<String, Object> env) {
      return value;
    }

    @Override
    public String toString() {
      return value instanceof String s ? '"' + s + '"' : Values.render(value);
    }
  }

  /** A hyper-parameter, loop variable or input symbol, known when the model is applied. */
  record Var(String name) implements HyperExpr {
    @Override
    public Object eval(Map<String, Object> env) {
      Object value = env.get(name);
      if (value == null) {
        throw new IllegalArgumentException("`" + name + "` is not bound");
      }
      return value;
    }

    @Override
    public String toString() {
      return "%" + name;
    }
  }

  record Binary(Hyper.Op op, HyperExpr left, HyperExpr right) implements HyperExpr {
    @Override
    public Object eval(Map<String, Object> env) {
      return Hyper.apply(op, left.eval(env), right.eval(env));
    }

    @Override
    public String toString() {
      return "(" + left + " " + op.symbol + " " + right + ")";
    }
  }

  /** {@code -a} or {@code not a}. */
  record Unary(String op, HyperExpr operand) implements HyperExpr {
    @Override
    public Object eval(Map<String, Object> env) {
      return Hyper.unary(op, operand.eval(env));
    }

    @Override
    public String toString() {
      return (op.equals("-") ? "-" : "not ") + operand;
    }
  }

  /** {@code if c { a } else { b }}: only the branch taken is evaluated, as in the checker. */
  record Cond(HyperExpr condition, HyperExpr then, HyperExpr otherwise) implements HyperExpr {
    @Override
    public Object eval(Map<String, Object> env) {
      return Hyper.truth(condition.eval(env)) ? then.eval(env) : otherwise.eval(env);
    }

    @Override
    public String toString() {
      return "if " + condition + " { " + then + " } else { " + otherwise + " }";
    }
  }

  /** A part no use of the model evaluated (an {@code if} branch none took), written as {@code source}. */
  record Unchecked(String source) implements HyperExpr {
    @Override
    public Object eval(Map<String, Object> env) {
      return Hyper.unchecked(source);
    }

    @Override
    public String toString() {
      return "unchecked `" + source + "`";
    }
  }

  record ListOf(List<HyperExpr> items) implements HyperExpr {
    public ListOf {
      items = List.copyOf(items);
    }

    @Override
    public Object eval(Map<String, Object> env) {
      List<Object> values = new ArrayList<>();
      items.forEach(item -> values.add(item.eval(env)));
      return values;
    }

    @Override
    public String toString() {
      return items.stream().map(HyperExpr::toString).collect(Collectors.joining(", ", "[", "]"));
    }
  }
}
