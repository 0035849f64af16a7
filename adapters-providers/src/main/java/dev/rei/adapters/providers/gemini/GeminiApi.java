package dev.rei.adapters.providers.gemini;

import dev.rei.adapters.providers.gemini.GeminiJson.GenerateContentRequest;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Streaming;

/**
 * The one Gemini call Rei makes. The key travels in a header, never in the URL, so it stays out of
 * access logs; the answer is read raw ({@link Streaming}) so its size can be capped.
 */
interface GeminiApi {

  @Streaming
  @POST("v1beta/models/{model}:generateContent")
  Call<ResponseBody> generateContent(
      @Path("model") String model, @Header("x-goog-api-key") String apiKey, @Body GenerateContentRequest request);
}
