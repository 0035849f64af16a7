/**
 * The billing and job core as a library: use cases ({@code port.in}), the ports they need
 * ({@code port.out}) and the services that implement the use cases ({@code service}).
 *
 * <p>An embedding bot implements or picks adapters for the ports out, builds the services with
 * them, and calls the use cases. Every use case that changes state runs in one {@link
 * dev.rei.application.port.out.UnitOfWork} transaction, and user-visible messages are written to
 * the {@link dev.rei.application.port.out.Outbox} in that same transaction.
 */
package dev.rei.application;
