package dev.rei.bootstrap.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Photos, videos and documents: sent as a multipart upload, as the file_id of a file Telegram already has, or as
 * an HTTP URL (recorded, never fetched); and getFile, whose file_path the emulator serves for download.
 */
final class MediaMethods {

  static final long MAX_PHOTO_UPLOAD_BYTES = 10L * 1024 * 1024;
  static final long MAX_UPLOAD_BYTES = 50L * 1024 * 1024;
  static final long MAX_DOWNLOAD_BYTES = 20L * 1024 * 1024;
  private static final int MAX_PHOTO_WIDTH_PLUS_HEIGHT = 10_000;
  private static final int MAX_PHOTO_ASPECT_RATIO = 20;

  private final EmulatorState state;

  MediaMethods(EmulatorState state) {
    this.state = state;
  }

  void register(Map<String, MethodHandler> handlers) {
    handlers.put("sendPhoto", params -> send(Media.Kind.PHOTO, params));
    handlers.put("sendVideo", params -> send(Media.Kind.VIDEO, params));
    handlers.put("sendDocument", params -> send(Media.Kind.DOCUMENT, params));
    handlers.put("getFile", this::getFile);
  }

  private ApiResponse send(Media.Kind kind, ApiParams params) {
    long chatId = params.chatId();
    FileStore.StoredFile file = fileOf(kind, params);
    Optional<FormattedText.Parsed> caption = MessageTexts.caption(params);
    Keyboard keyboard = KeyboardParser.parse(params).orElse(null);
    EmulatedUser user = state.conversations.requireReachable(chatId);
    state.admitMessageTo(chatId);
    Media media = withSizeParams(file.toMedia(params.intValue("duration").orElse(0)), params);
    ChatMessage sent = state.conversations.append(chatId, messageId -> new ChatMessage(chatId, messageId, true,
        state.settings.botId(), state.nowEpochSeconds(), null, caption.map(FormattedText.Parsed::text).orElse(null),
        params.text("parse_mode").orElse(null), caption.map(FormattedText.Parsed::entities).orElse(List.of()),
        keyboard, media, null, null, 0, 0, false));
    return ApiResponse.ok(state.render.message(sent, user));
  }

  private static Media withSizeParams(Media media, ApiParams params) {
    if (media.kind() != Media.Kind.VIDEO || media.width() > 0) {
      return media;
    }
    return new Media(media.kind(), media.fileId(), media.fileUniqueId(), media.fileName(), media.mimeType(),
        media.sizeBytes(), params.intValue("width").orElse(0), params.intValue("height").orElse(0),
        media.durationSeconds(), media.url());
  }

  private FileStore.StoredFile fileOf(Media.Kind kind, ApiParams params) {
    Optional<Upload> upload = params.upload(kind.field());
    if (upload.isPresent()) {
      return stored(kind, upload.get());
    }
    String reference = params.text(kind.field()).filter(value -> !value.isBlank())
        .orElseThrow(() -> ApiRefusal.badRequest("there is no " + kind.field() + " in the request"));
    if (reference.matches("(?i)https?://\\S+")) {
      return state.files.storeUrl(kind, reference);
    }
    FileStore.StoredFile known = state.files.byId(reference)
        .orElseThrow(() -> ApiRefusal.badRequest("wrong file identifier/HTTP URL specified"));
    if (known.kind() != kind) {
      throw ApiRefusal.badRequest("can't use file of type " + typeName(known.kind()) + " as " + typeName(kind));
    }
    return known;
  }

  private FileStore.StoredFile stored(Media.Kind kind, Upload upload) {
    byte[] bytes = upload.bytes();
    if (bytes.length == 0) {
      throw ApiRefusal.badRequest("file must be non-empty");
    }
    long limit = kind == Media.Kind.PHOTO ? MAX_PHOTO_UPLOAD_BYTES : MAX_UPLOAD_BYTES;
    if (bytes.length > limit) {
      throw new ApiRefusal(ApiResponse.error(413, "Request Entity Too Large"));
    }
    FileStore.Dimensions dimensions = new FileStore.Dimensions(0, 0);
    if (kind == Media.Kind.PHOTO) {
      dimensions = FileStore.imageDimensions(bytes)
          .orElseThrow(() -> ApiRefusal.badRequest("IMAGE_PROCESS_FAILED"));
      checkPhotoDimensions(dimensions);
    }
    String mimeType = kind == Media.Kind.PHOTO ? null : declaredType(upload);
    return state.files.store(kind, bytes, upload.fileName(), mimeType, dimensions);
  }

  private static void checkPhotoDimensions(FileStore.Dimensions dimensions) {
    int longer = Math.max(dimensions.width(), dimensions.height());
    int shorter = Math.max(1, Math.min(dimensions.width(), dimensions.height()));
    if (dimensions.width() + dimensions.height() > MAX_PHOTO_WIDTH_PLUS_HEIGHT
        || longer / (double) shorter > MAX_PHOTO_ASPECT_RATIO) {
      throw ApiRefusal.badRequest("PHOTO_INVALID_DIMENSIONS");
    }
  }

  private static String declaredType(Upload upload) {
    String type = upload.contentType();
    // Clients such as TelegramBots label every upload application/octet-stream; the bytes say more.
    return type == null || type.isBlank() || type.startsWith("application/octet-stream") ? null : type;
  }

  private static String typeName(Media.Kind kind) {
    return switch (kind) {
      case PHOTO -> "Photo";
      case VIDEO -> "Video";
      case DOCUMENT -> "Document";
    };
  }

  private ApiResponse getFile(ApiParams params) {
    String fileId = params.requiredText("file_id", "file_id is empty");
    FileStore.StoredFile file = state.files.byId(fileId)
        .orElseThrow(() -> ApiRefusal.badRequest("invalid file_id"));
    if (!file.downloadable()) {
      throw ApiRefusal.badRequest("wrong file_id or the file is temporarily unavailable");
    }
    if (file.bytes().length > MAX_DOWNLOAD_BYTES) {
      throw ApiRefusal.badRequest("file is too big");
    }
    ObjectNode result = state.json.createObjectNode();
    result.put("file_id", file.fileId());
    result.put("file_unique_id", file.fileUniqueId());
    result.put("file_size", file.bytes().length);
    result.put("file_path", file.filePath());
    return ApiResponse.ok(result);
  }
}
