package dev.nnc.cli;

import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.data.text.Vocabulary;
import dev.nnc.runtime.data.text.WordVectors;
import dev.nnc.runtime.infer.ExportedModel;
import dev.nnc.runtime.infer.InferenceException;
import dev.nnc.runtime.infer.ModelInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "neighbours", aliases = "neighbors",
    description = "Prints the nearest words to each word by cosine similarity of an exported model's embedding.")
final class NeighboursCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", paramLabel = "DIR", required = true, description = "The exported model (a train job's `export:`).")
  Path model;

  @Parameters(paramLabel = "WORD", arity = "0..*", description = "The words to find neighbours of.")
  List<String> words = List.of();

  @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "How many neighbours for each word (default 10).")
  int top;

  @Option(names = "--weight", paramLabel = "PATH",
      description = "The embedding weight, as `w.embedding.embeddings` (default: the model's first embedding).")
  String weight;

  @Option(names = "--export-vectors", paramLabel = "FILE",
      description = "Also write the embedding in word2vec's text format (gensim's load_word2vec_format reads it).")
  Path vectorsFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (top <= 0) {
      err.println("error: --top must be positive, not " + top);
      return Nnc.USAGE;
    }
    if (words.isEmpty() && vectorsFile == null) {
      err.println("error: give the words to find neighbours of, or --export-vectors FILE");
      return Nnc.USAGE;
    }
    try (ExportedModel exported = ExportedModel.load(model)) {
      WordVectors vectors = vectors(exported);
      for (String word : words) {
        List<WordVectors.Neighbour> nearest = vectors.nearest(word, top);
        out.println(word + ": " + nearest.stream()
            .map(n -> String.format(Locale.ROOT, "%s %.3f", n.word(), n.similarity()))
            .collect(Collectors.joining(", ")));
      }
      if (vectorsFile != null) {
        vectors.write(vectorsFile);
        out.println("wrote " + vectorsFile);
      }
      return Nnc.OK;
    } catch (InferenceException | DataException e) {
      err.println("error: " + e.getMessage());
      return Nnc.PROGRAM_ERRORS;
    }
  }

  /** The chosen embedding and the vocabulary naming its rows. */
  private WordVectors vectors(ExportedModel exported) {
    ExportedModel.Weight chosen = chosenWeight(exported);
    if (chosen.shape().length != 2) {
      throw new InferenceException(model + ": weight " + chosen.name() + " is " + Arrays.toString(chosen.shape())
          + ", not a [vocabulary, dim] embedding");
    }
    long rows = chosen.shape()[0];
    Vocabulary vocabulary = exported.info().inputs().stream()
        .map(ModelInfo.Tensor::name)
        .map(exported::vocabulary)
        .flatMap(Optional::stream)
        .filter(v -> v.size() == rows)
        .findFirst()
        .orElseThrow(() -> new InferenceException(model + " holds no vocabulary of " + rows + " words for "
            + chosen.name() + " (an export keeps the vocabulary of each input a word source fed, in "
            + ExportedModel.VOCABULARIES + "/)"));
    return new WordVectors(vocabulary, exported.weightValues(chosen.name()), (int) chosen.shape()[1]);
  }

  /** {@code --weight}, matched against the end of the exported names; or the first embedding. */
  private ExportedModel.Weight chosenWeight(ExportedModel exported) {
    List<ExportedModel.Weight> weights = exported.weights();
    String names = weights.stream().map(ExportedModel.Weight::name).collect(Collectors.joining(", "));
    if (weight != null) {
      String dotted = weight.replace('/', '.');
      return weights.stream()
          .filter(w -> w.name().equals(dotted) || w.name().endsWith("." + dotted))
          .findFirst()
          .orElseThrow(() -> new InferenceException(model + " has no weight " + weight + "; it has " + names));
    }
    return weights.stream()
        .filter(w -> w.name().endsWith(".embeddings"))
        .findFirst()
        .orElseThrow(() -> new InferenceException(model + " has no embedding weight; it has " + names
            + " (choose one with --weight)"));
  }
}
