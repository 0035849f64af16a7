/**
 * Google Gemini's image models over Retrofit, Jackson and OkHttp.
 */
package dev.rei.adapters.providers.gemini;
