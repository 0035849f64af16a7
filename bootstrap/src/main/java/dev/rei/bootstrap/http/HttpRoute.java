package dev.rei.bootstrap.http;

/** Answers requests to one exact path; never throws for bad input (an escaped exception is a 500). */
@FunctionalInterface
public interface HttpRoute {

  HttpReply handle(HttpCall call);
}
