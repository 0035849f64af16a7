/**
 * The rules of Rei's billing and job core: credits, holds, jobs, payments, prices, limits and
 * provider keys, in plain Java with no dependency but the JDK.
 *
 * <p>Time always comes in as a parameter; nothing here reads the clock, draws random numbers of
 * its own or performs I/O. Expected refusals are values with a named reason; exceptions are kept
 * for programmer errors and illegal state transitions.
 */
package dev.rei.domain;
