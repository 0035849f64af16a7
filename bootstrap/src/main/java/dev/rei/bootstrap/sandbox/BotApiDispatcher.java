package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a Bot API call to its handler by method name (case-insensitive, as on Telegram), turns refusals into
 * error answers and records every call with its answer.
 */
final class BotApiDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(BotApiDispatcher.class);

  private final EmulatorState state;
  private final Map<String, MethodHandler> handlers = new HashMap<>();
  private final Map<String, String> canonicalNames = new HashMap<>();

  BotApiDispatcher(EmulatorState state) {
    this.state = state;
    Map<String, MethodHandler> byName = new LinkedHashMap<>();
    new UpdateMethods(state).register(byName);
    new MessageMethods(state).register(byName);
    new MediaMethods(state).register(byName);
    new PaymentMethods(state).register(byName);
    byName.forEach((name, handler) -> {
      handlers.put(name.toLowerCase(Locale.ROOT), handler);
      canonicalNames.put(name.toLowerCase(Locale.ROOT), name);
    });
  }

  /** The method as the Bot API documents it, whatever case the caller used; an unknown one as it came. */
  String canonicalName(String method) {
    return canonicalNames.getOrDefault(method.toLowerCase(Locale.ROOT), method);
  }

  ApiResponse dispatch(String method, ApiParams params) {
    String name = canonicalName(method);
    MethodHandler handler = handlers.get(method.toLowerCase(Locale.ROOT));
    ApiResponse response;
    if (handler == null) {
      response = ApiResponse.error(404, "Not Found: method " + name + " is not implemented by the Bot API emulator");
    } else {
      response = answer(name, handler, params);
    }
    if (!response.body().path("ok").asBoolean(false)) {
      // The method and Telegram's reason only: parameters may hold user text and are in the call log anyway.
      LOG.debug("Bot API emulator refused {}: {}", name, response.body().path("description").asText());
    }
    record(name, params.forRecord(), response);
    return response;
  }

  /** Records a call that was refused before its parameters could be read (wrong token, malformed body). */
  void recordRefused(String method, ApiResponse response) {
    record(canonicalName(method), state.json.createObjectNode(), response);
  }

  private ApiResponse answer(String name, MethodHandler handler, ApiParams params) {
    try {
      return handler.handle(params);
    } catch (ApiRefusal refusal) {
      return refusal.response();
    } catch (RuntimeException bug) {
      LOG.error("Bot API emulator failed on {}", name, bug);
      return ApiResponse.error(500, "Internal Server Error: the emulator failed on " + name + ": " + bug);
    }
  }

  private void record(String method, JsonNode params, ApiResponse response) {
    state.calls.add(new RecordedCall(state.now(), method, params, response.httpStatus(), response.body()));
  }
}
