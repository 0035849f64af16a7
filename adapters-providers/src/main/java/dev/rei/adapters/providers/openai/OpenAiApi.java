package dev.rei.adapters.providers.openai;

import dev.rei.adapters.providers.openai.OpenAiJson.ChatRequest;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Streaming;

/** The one OpenAI call Rei makes; the answer is read raw ({@link Streaming}) so its size can be capped. */
interface OpenAiApi {

  @Streaming
  @POST("chat/completions")
  Call<ResponseBody> chatCompletions(@Header("Authorization") String authorization, @Body ChatRequest request);
}
