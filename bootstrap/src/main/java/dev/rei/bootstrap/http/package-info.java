/**
 * The process's HTTP server (JDK {@code HttpServer}): health checks, Prometheus metrics, and the
 * routes later issues mount (payment webhooks), plus the meters Rei publishes.
 */
package dev.rei.bootstrap.http;
