/**
 * What a Rei process runs in the background and how it stops: job workers, the sweeper, the payment
 * reconciler, the outbox dispatcher, and the orderly release of every resource on SIGTERM.
 */
package dev.rei.bootstrap.run;
