/**
 * PostgreSQL and Redis implementations of the application's ports out.
 */
package dev.rei.adapters.persistence;
