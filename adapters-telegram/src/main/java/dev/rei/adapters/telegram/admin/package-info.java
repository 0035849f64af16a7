/** The admin console's helpers: argument parsing, the operator's screens and the /stats chart. */
package dev.rei.adapters.telegram.admin;
