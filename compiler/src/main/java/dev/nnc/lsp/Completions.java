package dev.nnc.lsp;

import dev.nnc.compiler.syntax.Ast;
import dev.nnc.stdlib.Builtin;
import dev.nnc.stdlib.Builtins;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.data.DataBuiltins;
import dev.nnc.stdlib.init.InitializerBuiltin;
import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * Completion: the built-ins that fit the place, with their signatures (layers and functions in a
 * model, data sources in a data block, transforms after {@code |}, initializers after {@code init:}),
 * the named arguments of the call the cursor is in, and the names in scope. While the user types, the
 * text rarely parses, so the place is read from the text itself and the names from the last version
 * that parsed.
 */
final class Completions {
  private static final Pattern DECLARATION = Pattern.compile("(?m)^\\s*(model|data|train|sample)\\s+(\\w+)");
  /** How far back to look for the call the cursor is in. */
  private static final int CALL_REACH = 2000;

  private final String text;
  private final int offset;
  /** The last version of the document that parsed; null if none has. */
  private final Analysis parsed;

  Completions(String text, int offset, Analysis parsed) {
    this.text = text;
    this.offset = offset;
    this.parsed = parsed;
  }

  List<CompletionItem> items() {
    int wordStart = offset;
    while (wordStart > 0 && Character.isJavaIdentifierPart(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    String before = text.substring(0, wordStart).stripTrailing();
    List<CompletionItem> items = new ArrayList<>();
    String callee = before.endsWith("(") || before.endsWith(",") ? enclosingCall(wordStart) : null;
    if (callee != null) {
      namedArguments(callee, items);
    }
    boolean stage = before.endsWith("->");
    for (Builtin builtin : offered(before)) {
      if (!stage || builtin.kind() == Kind.LAYER || builtin.kind() == Kind.FUNCTION) {
        items.add(builtin(builtin));
      }
    }
    if (parsed != null) {
      for (Scope.Entry entry : scope().entries()) {
        if (!stage || entry.kind() == Scope.Kind.MODEL || entry.kind() == Scope.Kind.LET) {
          items.add(name(entry));
        }
      }
    }
    return items;
  }

  /**
   * The built-ins that may stand here: a transform after {@code |}, an initializer after
   * {@code init:}, a data source elsewhere in a data block, the tensor built-ins in the rest.
   */
  private List<? extends Builtin> offered(String before) {
    if (before.endsWith("|")) {
      return DataBuiltins.TRANSFORMS;
    }
    if (before.endsWith("init:")) {
      return InitializerBuiltin.ALL;
    }
    return inDataBlock() ? DataBuiltins.SOURCES : Builtins.all();
  }

  /** Whether the declaration the cursor is in is a {@code data} block. */
  private boolean inDataBlock() {
    String kind = null;
    Matcher m = DECLARATION.matcher(text.substring(0, offset));
    while (m.find()) {
      kind = m.group(1);
    }
    return "data".equals(kind);
  }

  /** The name before the innermost {@code (} still open at {@code at}, or null outside a call. */
  private String enclosingCall(int at) {
    int depth = 0;
    for (int i = at - 1; i >= Math.max(0, at - CALL_REACH); i--) {
      char c = text.charAt(i);
      if (c == ')' || c == ']') {
        depth++;
      } else if (c == '[' || c == '{' || c == '}') {
        if (depth == 0) {
          return null;
        }
        depth--;
      } else if (c == '(' && depth-- == 0) {
        int end = i;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
          end--;
        }
        int start = end;
        while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
          start--;
        }
        return start < end ? text.substring(start, end) : null;
      }
    }
    return null;
  }

  /** {@code units: } for {@code dense(}; a model's hyper-parameters for {@code FashionCnn(}. */
  private void namedArguments(String callee, List<CompletionItem> items) {
    Builtin builtin = inDataBlock()
        ? DataBuiltins.source(callee).or(() -> DataBuiltins.transform(callee)).orElse(null)
        : Builtins.lookup(callee).orElse(null);
    if (builtin != null) {
      for (Param p : builtin.signature().params()) {
        items.add(argument(p.name(), p.type().describe() + (p.isRequired() ? "" : " = " + Values.render(p.defaultValue()))));
      }
    } else if (parsed != null) {
      Scope.declaration(callee, parsed.unit(), imported())
          .filter(d -> d instanceof Ast.Model)
          .ifPresent(d -> ((Ast.Model) d).hyperParams()
              .forEach(h -> items.add(argument(h.name().name(), h.span().text()))));
    }
  }

  private List<Ast.Unit> imported() {
    return parsed.program() == null ? List.of() : parsed.program().imported();
  }

  /** The names at the cursor, in the declaration around it, found by name as the text may have moved. */
  private Scope scope() {
    String declName = null;
    Matcher m = DECLARATION.matcher(text.substring(0, offset));
    while (m.find()) {
      declName = m.group(2);
    }
    Ast.Decl decl = null;
    for (Ast.Decl d : parsed.unit().decls()) {
      if (d.name().name().equals(declName)) {
        decl = d;
      }
    }
    return Scope.at(parsed.unit(), imported(), new Located(decl, List.of(), null));
  }

  private static CompletionItem builtin(Builtin builtin) {
    CompletionItem item = new CompletionItem(builtin.name());
    item.setKind(builtin.kind() == Kind.LAYER ? CompletionItemKind.Class : CompletionItemKind.Function);
    item.setDetail(builtin.signature().render(builtin.name()));
    item.setDocumentation(builtin.kind().description() + ": " + builtin.doc());
    return item;
  }

  private static CompletionItem argument(String name, String detail) {
    CompletionItem item = new CompletionItem(name + ":");
    item.setKind(CompletionItemKind.Property);
    item.setInsertText(name + ": ");
    item.setFilterText(name);
    item.setDetail(detail);
    item.setSortText("0" + name); // before everything else: in a call, its arguments are what one wants
    return item;
  }

  private static CompletionItem name(Scope.Entry entry) {
    CompletionItem item = new CompletionItem(entry.name());
    item.setKind(switch (entry.kind()) {
      case MODEL -> CompletionItemKind.Class;
      case DATA -> CompletionItemKind.Module;
      case CONSTANT -> CompletionItemKind.Constant;
      case JOB -> CompletionItemKind.Event;
      case HYPER_PARAMETER -> CompletionItemKind.TypeParameter;
      default -> CompletionItemKind.Variable;
    });
    item.setDetail(entry.kind().name().toLowerCase().replace('_', ' '));
    return item;
  }
}
