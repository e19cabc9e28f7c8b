package dev.nnc.compiler.check;

import dev.nnc.runtime.data.text.Tokenizer;
import dev.nnc.runtime.data.text.Vocabulary;
import dev.nnc.stdlib.spec.Args;
import java.util.Locale;

/**
 * The settings the word sources share (LANGUAGE.md §6.1), read from a bound call as the runtime
 * takes them, so the vocabulary the checker counts is the one the loader builds.
 */
final class WordSettings {
  private WordSettings() {}

  /** {@code tokens: words | chars} (words where the source has no such setting) and {@code lower}. */
  static Tokenizer tokenizer(Args args) {
    Tokenizer.Unit unit = args.signature().param("tokens").isPresent()
        ? Tokenizer.Unit.valueOf(args.string("tokens").toUpperCase(Locale.ROOT))
        : Tokenizer.Unit.WORDS;
    return new Tokenizer(unit, args.bool("lower"));
  }

  /** {@code vocab} and {@code min_count}. */
  static Vocabulary.Options vocabulary(Args args) {
    return new Vocabulary.Options(Math.toIntExact(args.integer("vocab")), Math.toIntExact(args.integer("min_count")));
  }
}
