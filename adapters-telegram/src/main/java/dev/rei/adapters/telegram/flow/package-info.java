/** The conversation flows: the gate, menus, the image flow, quotes and order buttons. */
package dev.rei.adapters.telegram.flow;
