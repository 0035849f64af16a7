/**
 * Usage limits as pure decisions over facts gathered elsewhere: bans, active orders, spend per
 * rolling hour, per-action rate classes, and growing blocks for users who keep hitting them.
 */
package dev.rei.domain.limits;
