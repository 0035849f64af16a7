/**
 * What the core needs from the outside world, one port per aggregate or external system. Every
 * store method runs in the caller's {@link dev.rei.application.port.out.UnitOfWork} transaction;
 * methods named {@code lock…} take a row lock held until that transaction ends.
 */
package dev.rei.application.port.out;
