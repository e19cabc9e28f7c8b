package dev.nnc.lsp;

/**
 * An open document: its text now, what checking it gave, and the last version that parsed, which
 * completion reads names from while the text in between is incomplete.
 */
record Document(String text, Analysis current, Analysis lastParsed) {

  Document next(String newText, Analysis analysis) {
    return new Document(newText, analysis, analysis.unit() != null ? analysis : lastParsed);
  }
}
