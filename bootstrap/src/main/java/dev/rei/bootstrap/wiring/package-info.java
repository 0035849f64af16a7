/**
 * Guice wiring: one module per adapter and one for the core, chosen (real or embedded, real or
 * simulated) by which modules {@link dev.rei.bootstrap.wiring.ReiProcess} installs, never by
 * conditions inside a module.
 */
package dev.rei.bootstrap.wiring;
