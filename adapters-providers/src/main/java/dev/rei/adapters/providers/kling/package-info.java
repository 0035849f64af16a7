/**
 * Kling AI's official video API (text, photo or video → video) over Retrofit, Jackson and OkHttp,
 * with JWT (HS256) authentication per access-key / secret-key pair.
 */
package dev.rei.adapters.providers.kling;
