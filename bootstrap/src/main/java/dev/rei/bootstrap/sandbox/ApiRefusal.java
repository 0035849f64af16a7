package dev.rei.bootstrap.sandbox;

/**
 * Ends the handling of a Bot API call with an error answer. It only travels from the parameter checks deep in a
 * method handler to the dispatcher, which turns it back into the {@link ApiResponse} it carries.
 */
final class ApiRefusal extends RuntimeException {

  private final transient ApiResponse response;

  ApiRefusal(ApiResponse response) {
    super(response.body().path("description").asText(), null, false, false);
    this.response = response;
  }

  static ApiRefusal badRequest(String detail) {
    return new ApiRefusal(ApiResponse.badRequest(detail));
  }

  ApiResponse response() {
    return response;
  }
}
