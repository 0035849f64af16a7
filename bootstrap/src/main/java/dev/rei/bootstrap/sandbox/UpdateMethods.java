package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who the bot is and how it receives updates: getMe, getUpdates and the webhook methods. */
final class UpdateMethods {

  private final EmulatorState state;

  UpdateMethods(EmulatorState state) {
    this.state = state;
  }

  void register(Map<String, MethodHandler> handlers) {
    handlers.put("getMe", this::getMe);
    handlers.put("getUpdates", this::getUpdates);
    handlers.put("deleteWebhook", this::deleteWebhook);
    handlers.put("setWebhook", this::setWebhook);
    handlers.put("getWebhookInfo", this::getWebhookInfo);
  }

  private ApiResponse getMe(ApiParams params) {
    ObjectNode me = state.render.bot();
    me.put("can_join_groups", true);
    me.put("can_read_all_group_messages", false);
    me.put("supports_inline_queries", false);
    return ApiResponse.ok(me);
  }

  private ApiResponse getUpdates(ApiParams params) {
    Optional<Long> offset = params.longValue("offset");
    int limit = params.intValue("limit").orElse(100);
    int timeoutSeconds = params.intValue("timeout").orElse(0);
    Optional<List<String>> allowed = params.json("allowed_updates", "can't parse allowed_updates JSON array")
        .map(UpdateMethods::stringList);
    return state.updates.poll(offset, limit, timeoutSeconds, allowed);
  }

  private static List<String> stringList(JsonNode node) {
    if (!node.isArray()) {
      throw ApiRefusal.badRequest("can't parse allowed_updates JSON array");
    }
    List<String> values = new ArrayList<>();
    node.forEach(value -> values.add(value.asText()));
    return values;
  }

  private ApiResponse deleteWebhook(ApiParams params) {
    state.updates.setWebhook("", params.flag("drop_pending_updates"));
    return ApiResponse.ok(true);
  }

  private ApiResponse setWebhook(ApiParams params) {
    String url = params.text("url").orElse("");
    if (!url.isEmpty() && !url.startsWith("https://")) {
      throw ApiRefusal.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
    }
    state.updates.setWebhook(url, params.flag("drop_pending_updates"));
    return ApiResponse.ok(true);
  }

  private ApiResponse getWebhookInfo(ApiParams params) {
    ObjectNode info = state.json.createObjectNode();
    info.put("url", state.updates.webhookUrl());
    info.put("has_custom_certificate", false);
    info.put("pending_update_count", state.updates.pendingCount());
    return ApiResponse.ok(info);
  }
}
