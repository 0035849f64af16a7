package dev.rei.adapters.providers.kie;

import dev.rei.adapters.providers.kie.KieJson.CreateTaskRequest;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Multipart;
import retrofit2.http.POST;
import retrofit2.http.Part;
import retrofit2.http.Query;
import retrofit2.http.Streaming;

/**
 * The KIE calls Rei makes. Answers are read raw ({@link Streaming}) so their size can be capped and
 * so an error inside an HTTP 200 body is read the same way as one in a 4xx body.
 */
interface KieApi {

  @Streaming
  @POST("api/v1/jobs/createTask")
  Call<ResponseBody> createTask(@Header("Authorization") String authorization, @Body CreateTaskRequest request);

  @Streaming
  @GET("api/v1/jobs/recordInfo")
  Call<ResponseBody> recordInfo(@Header("Authorization") String authorization, @Query("taskId") String taskId);

  /** On the file-upload host ({@code KIE_UPLOAD_BASE_URL}), which is not the API host. */
  interface Upload {

    @Streaming
    @Multipart
    @POST("api/file-stream-upload")
    Call<ResponseBody> fileStreamUpload(@Header("Authorization") String authorization, @Part MultipartBody.Part file,
        @Part("uploadPath") RequestBody uploadPath, @Part("fileName") RequestBody fileName);
  }
}
