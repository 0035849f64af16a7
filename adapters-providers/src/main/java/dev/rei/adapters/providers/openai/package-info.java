/**
 * OpenAI chat completions as the writer of Reels scripts, over Retrofit, Jackson and OkHttp.
 */
package dev.rei.adapters.providers.openai;
