package dev.nnc.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.runtime.data.text.TextLines;
import dev.nnc.runtime.data.text.Tokenizer;
import dev.nnc.runtime.data.text.Vocabulary;
import dev.nnc.runtime.data.text.VocabularyCache;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the checker learns from the cache ({@code .vocab}, {@code .classes}) is what the loaded data holds. */
class WordSourcesCacheTest {
  @TempDir Path dir;
  private final VocabularyCache cache = new VocabularyCache();

  private Path resource(String name) throws URISyntaxException {
    return Path.of(getClass().getResource(name).toURI());
  }

  @Test
  void wordsAndSkipgramsHaveTheCachedVocabularyOfTheWholeLines() throws URISyntaxException {
    Path brown = resource("/brown/brown-slice.txt");
    Vocabulary.Options options = new Vocabulary.Options(300, 2);
    assertEquals(cache.vocabulary(brown, Tokenizer.words(), TextLines.Part.WHOLE, "\t", options).words(),
        Words.load(brown, 16, options, true).vocabulary(Words.TOKENS));
    assertEquals(cache.vocabulary(brown, Tokenizer.words(), TextLines.Part.WHOLE, "\t", options).words(),
        SkipGrams.load(brown, new SkipGrams.Options(3, 2, options, 1e-3, true)).vocabulary(SkipGrams.CONTEXT));
  }

  @Test
  void labelledTextHasTheCachedClassesAndVocabularyOfTheTexts() throws URISyntaxException {
    Path genres = resource("/brown/brown-genres-slice.tsv");
    Vocabulary.Options options = new Vocabulary.Options(20000, 1);
    Dataset data = LabelledText.load(genres, 32, Tokenizer.words(), "\t", options);
    assertEquals(cache.classes(genres, "\t"), data.vocabulary(LabelledText.LABEL));
    assertEquals(cache.vocabulary(genres, Tokenizer.words(), TextLines.Part.AFTER, "\t", options).words(),
        data.vocabulary(LabelledText.TOKENS));
  }

  @Test
  void pairsHaveTheCachedVocabulariesOfEachSideAndTheSameErrors() throws Exception {
    Path file = Files.writeString(dir.resolve("p.tsv"), "12+3\t15\n5+5\t10\n7+7\t14\n");
    Tokenizer chars = new Tokenizer(Tokenizer.Unit.CHARS, true);
    Vocabulary.Options options = new Vocabulary.Options(100, 1);
    Dataset data = Pairs.load(file, new Pairs.Options(chars, 5, 4, "\t", options, false));
    assertEquals(cache.vocabulary(file, chars, TextLines.Part.BEFORE, "\t", options).words(), data.vocabulary(Pairs.SOURCE));
    assertEquals(cache.vocabulary(file, chars, TextLines.Part.AFTER, "\t", options).words(), data.vocabulary(Pairs.TARGET));

    Vocabulary.Options tooMany = new Vocabulary.Options(100, 4);
    String expected = file + " (before the separators): min_count 4 leaves no word in the vocabulary: the most"
        + " frequent, '+', occurs 3 times; give min_count at most 3";
    assertEquals(expected, assertThrows(DataException.class,
        () -> cache.vocabulary(file, chars, TextLines.Part.BEFORE, "\t", tooMany)).getMessage());
    assertEquals(expected, assertThrows(DataException.class,
        () -> Pairs.load(file, new Pairs.Options(chars, 5, 4, "\t", tooMany, false))).getMessage());
  }
}
