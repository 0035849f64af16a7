package dev.rei.bootstrap.sandbox;

/** Answers one Bot API method; refuses a call by throwing {@link ApiRefusal}, which the dispatcher answers. */
@FunctionalInterface
interface MethodHandler {

  ApiResponse handle(ApiParams params);
}
