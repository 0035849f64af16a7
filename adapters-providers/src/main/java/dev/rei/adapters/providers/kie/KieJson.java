package dev.rei.adapters.providers.kie;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The request JSON of KIE's Market {@code createTask} for Sora 2 image-to-video; answers are read as trees. */
final class KieJson {

  private KieJson() {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record CreateTaskRequest(String model, String callBackUrl, SoraInput input) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record SoraInput(
      String prompt,
      @JsonProperty("image_urls") List<String> imageUrls,
      @JsonProperty("aspect_ratio") String aspectRatio,
      @JsonProperty("n_frames") String frames,
      @JsonProperty("remove_watermark") Boolean removeWatermark) {}
}
