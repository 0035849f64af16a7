package dev.rei.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Figures of one run, printed as they come and written as one JSON object at the end. */
final class Results {

  private final Map<String, Object> figures = new LinkedHashMap<>();

  Results() {
    put("started_at", Instant.now().toString());
    put("java", System.getProperty("java.version"));
    put("cpus", Runtime.getRuntime().availableProcessors());
  }

  void put(String name, Object value) {
    figures.put(name, value);
    System.out.printf(Locale.ROOT, "%-40s %s%n", name, value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : value);
  }

  Path write(Path directory, String name) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve(name + ".json");
    Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8);
    return file;
  }

  private String toJson() {
    StringBuilder json = new StringBuilder("{\n");
    int i = 0;
    for (Map.Entry<String, Object> entry : figures.entrySet()) {
      json.append("  \"").append(entry.getKey()).append("\": ").append(value(entry.getValue()));
      json.append(++i < figures.size() ? ",\n" : "\n");
    }
    return json.append('}').toString();
  }

  private static String value(Object value) {
    if (value instanceof Number number) {
      return number instanceof Double d ? (d.isNaN() ? "null" : String.format(Locale.ROOT, "%.3f", d)) : number.toString();
    }
    return "\"" + String.valueOf(value).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
