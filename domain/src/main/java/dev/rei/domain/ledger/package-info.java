/**
 * The double-entry credit ledger with two-phase holds, in the manner of TigerBeetle.
 *
 * <p>Every movement of credits is a {@link dev.rei.domain.ledger.Transfer} between two accounts,
 * so the sum of all balances is zero by construction. Each account keeps four non-negative
 * counters (debits and credits, posted and pending); a hold is a pending debit, resolved exactly
 * once by a capture (which may take less than was held, releasing the rest) or a release.
 * {@link dev.rei.domain.ledger.LedgerRules} decides every request; {@link
 * dev.rei.domain.ledger.ReferenceLedger} applies them in memory and {@link
 * dev.rei.domain.ledger.LedgerAudit} checks every invariant of a ledger's state.
 */
package dev.rei.domain.ledger;
