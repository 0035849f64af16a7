/**
 * A local image provider for the sandbox and the tests: real PNGs, progress, failures on request.
 */
package dev.rei.adapters.providers.simulated;
