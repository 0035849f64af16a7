/** Users of the bot: identity, language and the ban flag. */
package dev.rei.domain.user;
