/**
 * Clients of the generation providers, each mapping its provider's answers to failure classes, and
 * what they share: the parameters of an image job ({@link dev.rei.adapters.providers.ImageJobParameters}).
 */
package dev.rei.adapters.providers;
