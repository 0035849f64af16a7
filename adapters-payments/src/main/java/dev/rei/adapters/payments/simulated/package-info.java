/**
 * A simulated rail for the sandbox and tests: loopback HTTP servers that speak the parts of the
 * Heleket and YooKassa APIs Rei calls, show a pay page, and on "pay" send a webhook (correctly
 * signed, for Heleket) to the configured URL, so money flows through the real gateways and webhook
 * handlers with no network.
 */
package dev.rei.adapters.payments.simulated;
