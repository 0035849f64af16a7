/**
 * The composition root: configuration, wiring and the runnable entry points.
 */
package dev.rei.bootstrap;
