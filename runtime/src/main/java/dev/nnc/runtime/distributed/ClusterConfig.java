package dev.nnc.runtime.distributed;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cluster as {@code cluster.json} or the {@code TF_CONFIG} environment variable describe it, in
 * TensorFlow's own format, so that a Kubernetes TFJob or any launcher that sets {@code TF_CONFIG}
 * works unchanged:
 *
 * <pre>{"cluster": {"worker": ["10.0.0.1:2222", "10.0.0.2:2222"]}, "task": {"type": "worker", "index": 1}}</pre>
 *
 * <p>Every task is a worker (synchronous all-reduce needs no parameter server); worker 0 is the
 * chief. {@code task} is optional in a file, where {@code --task N} gives it.
 *
 * @param source where the description came from ("cluster.json", "TF_CONFIG"), for messages
 * @param workers the workers' {@code host:port}, by task index
 * @param task this process's task index, if the description names it
 */
public record ClusterConfig(String source, List<String> workers, OptionalInt task) {
  /** The environment variable that TensorFlow's own launchers set. */
  public static final String ENVIRONMENT_VARIABLE = "TF_CONFIG";

  private static final Pattern ADDRESS = Pattern.compile("([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]):(\\d{1,5})");
  private static final Pattern GSON_POSITION = Pattern.compile("(.*?) at line (\\d+) column (\\d+)(?: path \\S+)?.*", Pattern.DOTALL);

  public ClusterConfig {
    workers = List.copyOf(workers);
  }

  /** Reads {@code file}; every problem is a {@link ClusterException} naming the file. */
  public static ClusterConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ClusterException(file + ": no such file (a cluster description, as in {\"cluster\": {\"worker\": [\"host:2222\", ...]}})");
    } catch (IOException e) {
      throw new ClusterException(file + ": cannot read it: " + e.getMessage());
    }
    return parse(file.toString(), text);
  }

  /** The cluster of the {@code TF_CONFIG} variable in {@code environment}, if it is set and not blank. */
  public static Optional<ClusterConfig> fromEnvironment(Map<String, String> environment) {
    String value = environment.get(ENVIRONMENT_VARIABLE);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(parse(ENVIRONMENT_VARIABLE, value));
  }

  /** Parses {@code json}, read from {@code source}. */
  public static ClusterConfig parse(String source, String json) {
    JsonElement root = parseJson(source, json);
    if (!root.isJsonObject()) {
      throw problem(source, "$", "expected an object {\"cluster\": {\"worker\": [...]}}, found " + describe(root));
    }
    JsonObject top = root.getAsJsonObject();
    JsonElement cluster = top.get("cluster");
    if (cluster == null || !cluster.isJsonObject()) {
      throw problem(source, "$.cluster", "expected an object {\"worker\": [\"host:port\", ...]}, found "
          + (cluster == null ? "nothing" : describe(cluster)));
    }
    List<String> workers = workers(source, cluster.getAsJsonObject());
    OptionalInt task = top.has("task") ? OptionalInt.of(task(source, top.get("task"), workers.size())) : OptionalInt.empty();
    return new ClusterConfig(source, workers, task);
  }

  /**
   * This process's place in the cluster: {@code override} (from {@code --task N}) if present,
   * otherwise the description's own {@code task}.
   */
  public ClusterTask taskFor(OptionalInt override) {
    int index;
    if (override.isPresent()) {
      index = override.getAsInt();
      if (index < 0 || index >= workers.size()) {
        throw new ClusterException("--task " + index + ": " + source + " has " + workers.size()
            + " workers, numbered 0 to " + (workers.size() - 1));
      }
    } else if (task.isPresent()) {
      index = task.getAsInt();
    } else {
      throw new ClusterException(source + ": which worker is this process? Give --task N, or \"task\": "
          + "{\"type\": \"worker\", \"index\": N} in the description");
    }
    return new ClusterTask(workers, index);
  }

  private static JsonElement parseJson(String source, String json) {
    JsonReader reader = new JsonReader(new StringReader(json));
    reader.setStrictness(Strictness.STRICT);
    try {
      JsonElement element = JsonParser.parseReader(reader);
      reader.peek(); // strict: throws at anything after the value
      return element;
    } catch (JsonParseException | IOException | IllegalStateException e) {
      String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
      Matcher m = GSON_POSITION.matcher(message == null ? "" : message);
      if (m.matches()) {
        // Gson's hint for programmers ("use setStrictness(LENIENT)") means: not JSON from here on.
        String what = m.group(1).contains("Strictness") ? "not JSON from here on (a trailing comma, a comment,"
            + " a name without quotes, a second value?)" : m.group(1);
        throw new ClusterException(source + ":" + m.group(2) + ":" + m.group(3) + ": malformed JSON: " + what);
      }
      throw new ClusterException(source + ": malformed JSON: " + message);
    }
  }

  private static List<String> workers(String source, JsonObject cluster) {
    for (String job : cluster.keySet()) {
      if (!job.equals("worker")) {
        throw problem(source, "$.cluster." + job, "nnc's clusters have only workers (job \"worker\"; worker 0"
            + " is the chief, and the synchronous all-reduce needs no parameter server), not job \"" + job + "\"");
      }
    }
    JsonElement list = cluster.get("worker");
    if (list == null || !list.isJsonArray() || list.getAsJsonArray().isEmpty()) {
      throw problem(source, "$.cluster.worker", "expected a non-empty list of \"host:port\", found "
          + (list == null ? "nothing" : describe(list)));
    }
    JsonArray array = list.getAsJsonArray();
    List<String> workers = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "$.cluster.worker[" + i + "]";
      JsonElement item = array.get(i);
      if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
        throw problem(source, path, "expected \"host:port\", found " + describe(item));
      }
      String address = item.getAsString();
      Matcher m = ADDRESS.matcher(address);
      if (!m.matches()) {
        throw problem(source, path, "expected \"host:port\" (as in \"10.0.0.1:2222\"), found \"" + address + "\"");
      }
      int port = Integer.parseInt(m.group(2));
      if (port < 1 || port > 65535) {
        throw problem(source, path, "port " + port + " is not between 1 and 65535");
      }
      if (!seen.add(address)) {
        throw problem(source, path, "\"" + address + "\" is already worker " + workers.indexOf(address)
            + "; every worker needs an address and port of its own");
      }
      workers.add(address);
    }
    return workers;
  }

  private static int task(String source, JsonElement task, int workers) {
    if (!task.isJsonObject()) {
      throw problem(source, "$.task", "expected {\"type\": \"worker\", \"index\": N}, found " + describe(task));
    }
    JsonObject object = task.getAsJsonObject();
    JsonElement type = object.get("type");
    if (type == null || !type.isJsonPrimitive() || !type.getAsString().equals("worker")) {
      throw problem(source, "$.task.type", "expected \"worker\" (nnc's clusters have only workers), found "
          + (type == null ? "nothing" : describe(type)));
    }
    JsonElement index = object.get("index");
    if (index == null || !index.isJsonPrimitive() || !index.getAsJsonPrimitive().isNumber()
        || !index.getAsString().matches("\\d+")) {
      throw problem(source, "$.task.index", "expected the worker's number, from 0, found "
          + (index == null ? "nothing" : describe(index)));
    }
    int value = index.getAsBigInteger().min(java.math.BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
    if (value >= workers) {
      throw problem(source, "$.task.index", "worker " + index.getAsString() + " does not exist: the cluster has "
          + workers + " workers, numbered 0 to " + (workers - 1));
    }
    return value;
  }

  private static ClusterException problem(String source, String path, String what) {
    return new ClusterException(source + ": " + path + ": " + what);
  }

  private static String describe(JsonElement element) {
    if (element.isJsonNull()) {
      return "null";
    }
    if (element.isJsonArray()) {
      return "a list";
    }
    if (element.isJsonObject()) {
      return "an object";
    }
    return element.getAsJsonPrimitive().isString() ? "\"" + element.getAsString() + "\"" : element.toString();
  }
}
