package dev.rei.adapters.providers.kling;

import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Streaming;

/**
 * The Kling calls Rei makes: create a video task on one of the endpoints ({@code text2video},
 * {@code image2video}, {@code omni-video}) and query it. Answers are read raw ({@link Streaming})
 * so their size can be capped and a malformed one classified, not thrown.
 */
interface KlingApi {

  @Streaming
  @POST("v1/videos/{endpoint}")
  Call<ResponseBody> create(
      @Path("endpoint") String endpoint, @Header("Authorization") String authorization, @Body ObjectNode request);

  @Streaming
  @GET("v1/videos/{endpoint}/{taskId}")
  Call<ResponseBody> query(
      @Path("endpoint") String endpoint, @Path("taskId") String taskId, @Header("Authorization") String authorization);
}
