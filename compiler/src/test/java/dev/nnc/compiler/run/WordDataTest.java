package dev.nnc.compiler.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The word sources of LANGUAGE.md §6.1 in a program: their records' fields and vocabulary sizes at
 * compile time, the same as the generated loaders give, and the errors of their files.
 */
class WordDataTest {
  @TempDir Path dir;

  private Compilation compile(String text) throws Exception {
    Path source = Files.writeString(dir.resolve("words.nn"), text);
    return Compilation.of(new SourceFile(source.toString(), text), List.of());
  }

  private Compilation compiled(String text) throws Exception {
    Compilation c = compile(text);
    assertTrue(c.succeeded(), () -> c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    return c;
  }

  private static Map<String, Object> constants(Compilation c) {
    Map<String, Object> constants = new HashMap<>();
    for (Ast.Decl d : c.program().unit().decls()) {
      if (d instanceof Ast.Const k && c.program().valueOf(k.value()) instanceof Value.Const v) {
        constants.put(k.name().name(), v.value());
      }
    }
    return constants;
  }

  private static List<Field> checkedFields(Compilation c, String split) {
    Ast.Data block = (Ast.Data) c.program().unit().decls().stream().filter(d -> d instanceof Ast.Data).findFirst().orElseThrow();
    Ast.Split s = block.splits().stream().filter(x -> x.name().name().equals(split)).findFirst().orElseThrow();
    return ((Value.Dataset) c.program().valueOf(s.value())).fields();
  }

  @Test
  void vocabulariesAreCompileTimeSizesEqualToWhatTheLoadersBuild() throws Exception {
    Files.writeString(dir.resolve("story.txt"), "The cat sat .\nthe cat ran , the dog sat .\n");
    Files.writeString(dir.resolve("moods.tsv"), "sad\tthe rain fell\nhappy\tthe sun shone\nsad\tno sun\n");
    Files.writeString(dir.resolve("sums.tsv"), "535+61\t596\n1+2\t3\n");
    Compilation c = compiled("""
        data text {
          story = words("story.txt", seq: 3)
          grams = skipgrams("story.txt", window: 2, negatives: 2, min_count: 1, subsample: 0)
          moods = labelled_text("moods.tsv", seq: 4)
          sums = pairs("sums.tsv", tokens: chars, source_seq: 7, target_seq: 5)
        }
        let story = text.story.vocab
        let grams = text.grams.vocab
        let mood_words = text.moods.vocab
        let moods = text.moods.classes
        let digits_in = text.sums.source_vocab
        let digits_out = text.sums.target_vocab
        """);

    // story: the 3, cat 2, sat 2, . 2, ran 1, , 1, dog 1 — seven words and the four specials;
    // moods: the, sun, rain, fell, shone, no; sums: 5 3 6 1 + 2 before the tab, 5 9 6 3 after.
    assertEquals(Map.of("story", 11L, "grams", 11L, "mood_words", 10L, "moods", 2L, "digits_in", 10L,
        "digits_out", 8L), constants(c));
    GeneratedProgram generated = GeneratedProgram.compile(c.program(), List.of());
    Map<String, String> fieldOf = Map.of("story", "tokens", "grams", "word", "moods", "tokens", "sums", "source");
    for (String split : fieldOf.keySet()) {
      Dataset data = (Dataset) generated.dataSplit("text", split);
      assertEquals(checkedFields(c, split), data.fields(), split);
    }
    assertEquals(11, ((Dataset) generated.dataSplit("text", "story")).vocabulary("tokens").size());
    Dataset moods = (Dataset) generated.dataSplit("text", "moods");
    assertEquals(List.of("happy", "sad"), moods.vocabulary("label"));
    Dataset sums = (Dataset) generated.dataSplit("text", "sums");
    assertEquals(10, sums.vocabulary("source").size());
    assertEquals(8, sums.vocabulary("target").size());
    Batch first = sums.batches(1, 1, 0).next();
    List<String> target = sums.vocabulary("target");
    int[] ids = first.ints("target_in");
    assertEquals(List.of("<start>", "5", "9", "6", "<pad>"),
        java.util.Arrays.stream(ids).mapToObj(target::get).toList());
  }

  @Test
  void aMinCountThatLeavesNoWordIsAnErrorAtTheVocabulary() throws Exception {
    Files.writeString(dir.resolve("few.txt"), "one two two\n");
    String program = """
        data few {
          all = words("few.txt", seq: 2, min_count: 3)
        }
        let size = few.all.vocab
        """;
    Compilation c = compile(program);

    Diagnostic d = only(c);
    assertEquals(Code.NN0411, d.code());
    assertEquals(4, d.span().line());
    assertEquals(12, d.span().column());
    assertTrue(d.message().contains("min_count 3 leaves no word in the vocabulary: the most frequent, 'two',"
        + " occurs 2 times; give min_count at most 2"), d.message());
  }

  @Test
  void anEmptyFileHasNoVocabulary() throws Exception {
    Files.writeString(dir.resolve("blank.txt"), "\n   \n");
    Compilation c = compile("""
        data blank {
          all = skipgrams("blank.txt")
        }
        let size = blank.all.vocab
        """);

    Diagnostic d = only(c);
    assertEquals(Code.NN0411, d.code());
    assertTrue(d.message().contains("blank.txt: expected text to build a vocabulary from, found no tokens"), d.message());
  }

  @Test
  void aPairsLineWithoutTheSeparatorIsNamedWhenItsVocabularyIsCounted() throws Exception {
    Files.writeString(dir.resolve("sums.tsv"), "1+2\t3\n4+5 9\n");
    Compilation c = compile("""
        data sums {
          all = pairs("sums.tsv", tokens: chars)
        }
        let size = sums.all.target_vocab
        """);

    Diagnostic d = only(c);
    assertTrue(d.message().contains("sums.tsv:2:6: expected the separator \"\\t\" between the two parts of the line,"
        + " found the end of the line"), d.message());
  }

  @Test
  void aMemberTheSourceDoesNotHaveNamesTheOnesItHas() throws Exception {
    Compilation c = compile("""
        data sums {
          all = pairs("sums.tsv", tokens: chars)
        }
        let size = sums.all.vocab
        """);

    Diagnostic d = only(c);
    assertEquals(Code.NN0105, d.code());
    assertEquals("the data of `sums.all` has no `.vocab`", d.message());
    assertEquals("it has `.source_vocab`, `.target_vocab`", d.help());
  }

  private static Diagnostic only(Compilation c) {
    List<Diagnostic> errors = c.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), () -> errors.stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    return errors.get(0);
  }
}
