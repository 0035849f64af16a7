/**
 * Heleket (crypto invoices, Cryptomus-compatible API): signed invoices and payment reads, and the
 * webhook verified by its signature over the raw body and by the sender's address.
 */
package dev.rei.adapters.payments.heleket;
