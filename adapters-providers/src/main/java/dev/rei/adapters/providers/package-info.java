/**
 * HTTP clients of the generation providers, mapping their errors to failure classes.
 */
package dev.rei.adapters.providers;
