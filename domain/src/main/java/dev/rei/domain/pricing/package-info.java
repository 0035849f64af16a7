/**
 * Prices in credits and top-up packages in money: the price list, quotes that fix a price before
 * the user confirms, and the packages and custom amounts each payment rail offers.
 */
package dev.rei.domain.pricing;
