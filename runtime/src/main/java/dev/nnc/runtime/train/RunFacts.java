package dev.nnc.runtime.train;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The "Run" table of {@code report.html}: a run's own figures, as both trainers tell them. */
final class RunFacts {
  private final Map<String, String> facts = new LinkedHashMap<>();

  /** When the run finished, how long it took (since the resume, for a resumed run) and where it resumed from. */
  RunFacts(Duration wallTime, Optional<Path> resumedFrom) {
    facts.put("finished", ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString());
    facts.put("wall time", String.format(Locale.ROOT, "%.1f s%s", wallTime.toNanos() / 1e9,
        resumedFrom.isPresent() ? " (since the resume)" : ""));
    resumedFrom.ifPresent(dir -> facts.put("resumed from", dir.toString()));
  }

  RunFacts put(String name, Object value) {
    facts.put(name, String.valueOf(value));
    return this;
  }

  Map<String, String> facts() {
    return facts;
  }
}
