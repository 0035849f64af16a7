/**
 * The Reels video provider of seed 002: a script written by OpenAI from a template (or the user's
 * own prompt), then KIE.ai's Sora 2 image-to-video from the product photo.
 */
package dev.rei.adapters.providers.reels;
