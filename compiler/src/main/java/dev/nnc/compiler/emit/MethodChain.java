package dev.nnc.compiler.emit;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * The body of a generated method, statement by statement, written as that one method when it is
 * short, and otherwise as a chain: the method runs the first part and ends by calling a private
 * method for the rest, which takes the local values the rest reads as parameters, and so on. The
 * JVM refuses a method of more than 64 KB of bytecode; a model of 1,000 layers needs more than that
 * in one method.
 */
final class MethodChain {
  /**
   * Characters of statements per method, counted with qualified class names as JavaPoet renders a
   * statement before imports shorten it. Measured on the residual stack of {@code bench/run
   * compiler}: about 250 such characters and 90 bytes of bytecode a layer, so 700 layers (175,000
   * characters) still fit the 64 KB limit. 30,000 leaves room for statements several times denser in
   * bytecode (long constant arrays) and is far above a model written by hand.
   */
  static final int MAX_CHARS = 30_000;

  private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private record Local(TypeName type, String name) {}

  private record Statement(CodeBlock code, Local declares) {}

  private final String name;
  private final Map<String, Local> parameters = new LinkedHashMap<>();
  private final List<Statement> statements = new ArrayList<>();

  /** {@code name}: the method's name; the later parts are named after it ({@code applyPart2}). */
  MethodChain(String name) {
    this.name = name;
  }

  /** A parameter of the method: the later parts take it too where they read it. */
  MethodChain parameter(TypeName type, String name) {
    parameters.put(name, new Local(type, name));
    return this;
  }

  /** {@code type name = value;} */
  MethodChain declare(TypeName type, String name, CodeBlock value) {
    statements.add(new Statement(CodeBlock.of("$T $L = $L", type, name, value), new Local(type, name)));
    return this;
  }

  /** A statement that declares nothing ({@code h = relu(h)}, {@code return ...}). */
  MethodChain statement(CodeBlock code) {
    statements.add(new Statement(code, null));
    return this;
  }

  /**
   * The method, with its modifiers, return type and Javadoc set on {@code head} (without
   * parameters), and the private methods that hold the rest of a long body, in order.
   */
  List<MethodSpec> build(MethodSpec.Builder head, TypeName returns) {
    List<List<Statement>> parts = parts();
    List<MethodSpec> methods = new ArrayList<>();
    Map<String, Local> inScope = new LinkedHashMap<>(parameters);
    Set<String> readLater = new HashSet<>();
    List<Set<String>> readFrom = new ArrayList<>();
    for (int p = parts.size() - 1; p >= 0; p--) {
      for (Statement s : parts.get(p)) {
        readLater.addAll(wordsOf(s.code()));
      }
      readFrom.add(0, new HashSet<>(readLater));
    }
    List<Local> taken = List.copyOf(parameters.values());
    for (int p = 0; p < parts.size(); p++) {
      MethodSpec.Builder method = p == 0 ? head : MethodSpec.methodBuilder(name + "Part" + (p + 1))
          .addJavadoc("$L, continued: the JVM limits the size of one method.\n", name)
          .addModifiers(Modifier.PRIVATE)
          .returns(returns);
      taken.forEach(local -> method.addParameter(local.type(), local.name()));
      for (Statement s : parts.get(p)) {
        method.addStatement(s.code());
        if (s.declares() != null) {
          inScope.put(s.declares().name(), s.declares());
        }
      }
      if (p + 1 < parts.size()) {
        Set<String> needed = readFrom.get(p + 1);
        taken = inScope.values().stream().filter(local -> needed.contains(local.name())).toList();
        method.addStatement("return $L($L)", name + "Part" + (p + 2),
            String.join(", ", taken.stream().map(Local::name).toList()));
      }
      methods.add(method.build());
    }
    return methods;
  }

  /** The statements cut into runs of at most {@link #MAX_CHARS} characters; one run when they fit. */
  private List<List<Statement>> parts() {
    List<List<Statement>> parts = new ArrayList<>();
    List<Statement> current = new ArrayList<>();
    int chars = 0;
    for (Statement s : statements) {
      int length = s.code().toString().length();
      if (!current.isEmpty() && chars + length > MAX_CHARS) {
        parts.add(current);
        current = new ArrayList<>();
        chars = 0;
      }
      current.add(s);
      chars += length;
    }
    parts.add(current);
    return parts;
  }

  /** The names a statement may read: every word outside its string literals. */
  private static Set<String> wordsOf(CodeBlock code) {
    Set<String> words = new HashSet<>();
    Matcher m = WORD.matcher(STRING.matcher(code.toString()).replaceAll("\"\""));
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }
}
