package dev.rei.adapters.persistence.postgres;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.JSONB;
import org.jooq.tools.json.JSONObject;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.ParseException;

/** Maps of names to text (job parameters, notice values) as {@code jsonb} objects and back. */
final class JsonMaps {

  private JsonMaps() {}

  static JSONB toJson(Map<String, String> values) {
    return JSONB.valueOf(JSONObject.toJSONString(values));
  }

  static Map<String, String> fromJson(JSONB json, String what) {
    Object parsed;
    try {
      parsed = new JSONParser().parse(json.data());
    } catch (ParseException e) {
      throw new IllegalStateException("stored " + what + " are not JSON: " + json.data(), e);
    }
    if (!(parsed instanceof Map<?, ?> object)) {
      throw new IllegalStateException("stored " + what + " are not a JSON object: " + json.data());
    }
    Map<String, String> values = new LinkedHashMap<>();
    object.forEach((name, value) -> {
      if (!(value instanceof String text)) {
        throw new IllegalStateException("stored " + what + " hold a value that is not text: " + json.data());
      }
      values.put((String) name, text);
    });
    return values;
  }
}
