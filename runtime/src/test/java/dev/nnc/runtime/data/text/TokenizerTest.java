package dev.nnc.runtime.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  @Test
  void aWordIsARunOfLettersDigitsApostrophesAndHyphensAndEveryOtherMarkIsATokenOfItsOwn() {
    assertEquals(List.of("don't", "stop", "the", "well-known", "1960s", "band", "!", "(", "ok", ")", "`", "`",
            "''", "<", "pad", ">"),
        Tokenizer.words().tokens("Don't  stop THE well-known 1960s band!(ok) `` '' <pad>"));
  }

  @Test
  void keepsCaseWhenAskedAndCutsCharactersSpacesIncluded() {
    assertEquals(List.of("Hello", ","), new Tokenizer(Tokenizer.Unit.WORDS, false).tokens("Hello,"));
    assertEquals(List.of("a", " ", "b", "é", "😀"), new Tokenizer(Tokenizer.Unit.CHARS, true).tokens("A bÉ😀"));
  }

  @Test
  void foldsALetterWhoseLowerCaseIsLongerWithoutLosingTheStarts() {
    List<Integer> starts = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    Tokenizer.words().scan("İSTANBUL, x", (token, start) -> {
      tokens.add(token);
      starts.add(start);
    });
    assertEquals(List.of("i\u0307stanbul", ",", "x"), tokens);
    assertEquals(List.of(0, 8, 10), starts);
  }

  @Test
  void givesWhereEachTokenStarts() {
    List<Integer> starts = new ArrayList<>();
    Tokenizer.words().scan(" ab, c", (token, start) -> starts.add(start));
    assertEquals(List.of(1, 3, 5), starts);
  }
}
