package dev.rei.adapters.telegram.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Downloads files users sent, with our own HTTP call to {@code <api>/file/bot<token>/<path>}:
 * TelegramBots' own download ignores a custom Bot API URL. The file URL contains the token, so it
 * is never logged, stored or handed on; callers get bytes.
 */
public final class TelegramFiles {

  /** The Bot API lets bots download files of up to 20 MB. */
  public static final long MAX_DOWNLOAD_BYTES = 20L * 1024 * 1024;

  private final TelegramConnection connection;

  public TelegramFiles(TelegramConnection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  /** The file's bytes, or why there are none. */
  public Download download(String fileId, long maxBytes) {
    Objects.requireNonNull(fileId, "fileId");
    File file;
    try {
      file = connection.client().execute(GetFile.builder().fileId(fileId).build());
    } catch (TelegramApiException e) {
      TelegramFailure failure = connection.failure(e);
      return failure.is(TelegramFailure.Kind.REJECTED) && failure.description().toLowerCase().contains("too big")
          ? new Download.TooLarge()
          : new Download.Failed("getFile: " + failure.summary());
    }
    if (file == null || file.getFilePath() == null || file.getFilePath().isBlank()) {
      return new Download.Failed("getFile gave no file path");
    }
    if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
      return new Download.TooLarge();
    }
    Request request = new Request.Builder().url(connection.fileUrl(file.getFilePath())).get().build();
    try (Response response = connection.http().newCall(request).execute()) {
      if (!response.isSuccessful()) {
        return new Download.Failed("file download answered HTTP " + response.code());
      }
      ResponseBody body = response.body();
      if (body == null) {
        return new Download.Failed("file download had no body");
      }
      if (body.contentLength() > maxBytes) {
        return new Download.TooLarge();
      }
      return readAtMost(body.byteStream(), maxBytes);
    } catch (IOException | RuntimeException e) {
      // OkHttp's messages may carry the URL; only the kind of fault is kept.
      return new Download.Failed("file download failed: " + e.getClass().getSimpleName());
    }
  }

  private static Download readAtMost(InputStream in, long maxBytes) throws IOException {
    byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (content.length > maxBytes) {
      return new Download.TooLarge();
    }
    return new Download.Fetched(content);
  }

  /** The result of one download. */
  public sealed interface Download {
    record Fetched(byte[] content) implements Download {
      public Fetched {
        Objects.requireNonNull(content, "content");
      }
    }

    /** Above the size we accept (or Telegram lets bots download). */
    record TooLarge() implements Download {}

    /** Telegram or the network failed; {@code reason} is safe to log. */
    record Failed(String reason) implements Download {
      public Failed {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }
}
