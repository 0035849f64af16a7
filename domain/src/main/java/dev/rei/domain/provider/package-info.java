/**
 * Generation providers and their API keys: a pool per provider that rotates over healthy keys,
 * cools a rate-limited key down, blocks a key whose account ran out of money, and, when every
 * key is blocked, falls back to the one whose block ends first and says so.
 *
 * <p>Keys are named by {@link dev.rei.domain.provider.KeyId} (provider and index), never by the
 * secret itself, so nothing here can leak one.
 */
package dev.rei.domain.provider;
