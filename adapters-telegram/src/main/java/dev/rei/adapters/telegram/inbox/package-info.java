/** Long polling into the inbox and the workers that handle it: stored before acknowledged, one chat in order. */
package dev.rei.adapters.telegram.inbox;
