/** Inline keyboards and buttons: callback data is a short key (or a menu name), its meaning stays on our side. */
package dev.rei.adapters.telegram.button;
