/**
 * Payments for credits through three rails, and the rule that settles each exactly once: a
 * verified notification either settles a pending payment (crediting it in the same transaction)
 * or changes nothing and says why.
 */
package dev.rei.domain.payment;
