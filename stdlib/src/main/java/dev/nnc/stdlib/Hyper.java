package dev.nnc.stdlib;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of compile-time values (hyper-parameters, sizes, loop variables): the one set of
 * rules that the checker folds constants with and that generated code evaluates symbolic
 * expressions with, so a model computes what {@code nnc check} said it would.
 *
 * <p>Values are {@code Long}, {@code Double}, {@code Boolean}, {@code String} (and lists of them for
 * ranges). Integers stay integers where the result is whole: {@code 8 / 2} is 4 but {@code 8 / 16}
 * is 0.5, and {@code 2 ** -1} is 0.5; an int meeting a float is a float; comparisons compare values,
 * so {@code 2 == 2.0}.
 */
public final class Hyper {
  private Hyper() {}

  /** The binary operators on compile-time values, by the names generated code calls them. */
  public enum Op {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), POW("**"),
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), AND("and"), OR("or"), RANGE("..");

    public final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    /** The operator written {@code symbol} in `.nn` source; null for one that is not on compile-time values ({@code @}). */
    public static Op of(String symbol) {
      for (Op op : values()) {
        if (op.symbol.equals(symbol)) {
          return op;
        }
      }
      return null;
    }

    /** The method of this class that applies the operator: {@code div}. */
    public String method() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** {@code a op b}, or null when the operator does not apply (a bool plus an int, a division by 0). */
  public static Object tryApply(Op op, Object a, Object b) {
    a = normalize(a);
    b = normalize(b);
    if (a instanceof Long x && b instanceof Long y) {
      return integers(op, x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return reals(op, x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return switch (op) {
        case AND -> x && y;
        case OR -> x || y;
        case EQ -> x.equals(y);
        case NE -> !x.equals(y);
        default -> null;
      };
    }
    if (a instanceof String x && b instanceof String y) {
      return switch (op) {
        case ADD -> x + y;
        case EQ -> x.equals(y);
        case NE -> !x.equals(y);
        default -> null;
      };
    }
    return null;
  }

  /** {@code -a} or {@code not a}, or null when it does not apply. */
  public static Object tryUnary(String op, Object a) {
    a = normalize(a);
    if (op.equals("-")) {
      return a instanceof Long x ? (Object) (-x) : a instanceof Double x ? (Object) (-x) : null;
    }
    return a instanceof Boolean x ? !x : null;
  }

  private static Object integers(Op op, long x, long y) {
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> y == 0 ? null : x % y == 0 ? (Object) (x / y) : (Object) ((double) x / y);
      case MOD -> y == 0 ? null : x % y;
      case POW -> y >= 0 ? (Object) (long) Math.pow(x, y) : (Object) Math.pow(x, y);
      case RANGE -> range(x, y);
      default -> compare(op, Long.compare(x, y));
    };
  }

  private static Object reals(Op op, double x, double y) {
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case DIV -> x / y;
      case MOD -> x % y;
      case POW -> Math.pow(x, y);
      default -> compare(op, Double.compare(x, y));
    };
  }

  private static Object compare(Op op, int c) {
    return switch (op) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
      default -> null;
    };
  }

  private static List<Long> range(long from, long to) {
    List<Long> values = new ArrayList<>();
    for (long i = from; i < to; i++) {
      values.add(i);
    }
    return values;
  }

  /** Java's boxed {@code int} and {@code float} (from literals in generated code) as the checker's Long and Double. */
  private static Object normalize(Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }

  // ------------------------------------------------------------------ what generated code calls

  public static Object add(Object a, Object b) {
    return apply(Op.ADD, a, b);
  }

  public static Object sub(Object a, Object b) {
    return apply(Op.SUB, a, b);
  }

  public static Object mul(Object a, Object b) {
    return apply(Op.MUL, a, b);
  }

  public static Object div(Object a, Object b) {
    return apply(Op.DIV, a, b);
  }

  public static Object mod(Object a, Object b) {
    return apply(Op.MOD, a, b);
  }

  public static Object pow(Object a, Object b) {
    return apply(Op.POW, a, b);
  }

  public static Object eq(Object a, Object b) {
    return apply(Op.EQ, a, b);
  }

  public static Object ne(Object a, Object b) {
    return apply(Op.NE, a, b);
  }

  public static Object lt(Object a, Object b) {
    return apply(Op.LT, a, b);
  }

  public static Object le(Object a, Object b) {
    return apply(Op.LE, a, b);
  }

  public static Object gt(Object a, Object b) {
    return apply(Op.GT, a, b);
  }

  public static Object ge(Object a, Object b) {
    return apply(Op.GE, a, b);
  }

  public static Object and(Object a, Object b) {
    return apply(Op.AND, a, b);
  }

  public static Object or(Object a, Object b) {
    return apply(Op.OR, a, b);
  }

  @SuppressWarnings("unchecked")
  public static List<Long> range(Object from, Object to) {
    return (List<Long>) apply(Op.RANGE, from, to);
  }

  public static Object neg(Object a) {
    return unary("-", a);
  }

  public static Object not(Object a) {
    return unary("not", a);
  }

  /**
   * A compile-time value the checker never computed: a branch of an {@code if} that no use of the model
   * took. A use the checker did not see (a model built by hand) fails here rather than guess.
   */
  public static Object unchecked(String source) {
    throw new IllegalStateException("`" + source + "` was not checked for these hyper-parameters");
  }

  /** A value where an {@code int} is wanted (a size, a count, a hyper-parameter of type int). */
  public static long whole(Object value) {
    if (normalize(value) instanceof Long l) {
      return l;
    }
    throw new IllegalArgumentException("expected a whole number, found " + value);
  }

  /** A value where a {@code float} is wanted: an int is promoted, as the checker promotes it. */
  public static double real(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("expected a number, found " + value);
  }

  /** A value where a {@code bool} is wanted: the condition of an {@code if}. */
  public static boolean truth(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException("expected true or false, found " + value);
  }

  /**
   * The checker proved the operator applies for every use it saw; a use it did not see (a model built
   * by hand with other hyper-parameters) fails here, with the checker's words, instead of computing
   * something else.
   */
  public static Object apply(Op op, Object a, Object b) {
    Object result = tryApply(op, a, b);
    if (result == null) {
      throw new ArithmeticException("cannot apply `" + op.symbol + "` to " + a + " and " + b);
    }
    return result;
  }

  public static Object unary(String op, Object a) {
    Object result = tryUnary(op, a);
    if (result == null) {
      throw new ArithmeticException("cannot apply `" + op + "` to " + a);
    }
    return result;
  }
}
