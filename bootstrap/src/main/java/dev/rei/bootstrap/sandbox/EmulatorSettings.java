package dev.rei.bootstrap.sandbox;

import java.time.InstantSource;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an emulator pretends to be: the one bot it serves, the clock its limits and message dates follow, and
 * its flood limits.
 *
 * @param token the bot token the emulator accepts, shaped like Telegram's ({@code "<bot id>:<secret>"})
 * @param botName the bot's first name in getMe
 * @param botUsername the bot's username in getMe, without {@code @}
 * @param clock drives message dates, flood limits and the 10-second pre-checkout deadline; long polling waits
 *     in real time whatever this clock says
 * @param floodLimits when the emulator answers 429
 */
public record EmulatorSettings(
    String token, String botName, String botUsername, InstantSource clock, FloodLimits floodLimits) {

  private static final Pattern TOKEN = Pattern.compile("[1-9][0-9]{0,18}:[A-Za-z0-9_-]{1,100}");

  public EmulatorSettings {
    Objects.requireNonNull(token, "token");
    if (!TOKEN.matcher(token).matches()) {
      // The token itself is not repeated: it may be a real one pasted by mistake.
      throw new IllegalArgumentException("a bot token looks like \"123456:ABC-def_1\"");
    }
    Objects.requireNonNull(botName, "botName");
    Objects.requireNonNull(botUsername, "botUsername");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(floodLimits, "floodLimits");
  }

  /** A bot "Rei" with the given token, the system clock and Telegram's flood limits. */
  public static EmulatorSettings forToken(String token) {
    return new EmulatorSettings(token, "Rei", "rei_sandbox_bot", InstantSource.system(), FloodLimits.telegram());
  }

  /** The same settings with another clock. */
  public EmulatorSettings withClock(InstantSource newClock) {
    return new EmulatorSettings(token, botName, botUsername, newClock, floodLimits);
  }

  /** The same settings with other flood limits. */
  public EmulatorSettings withFloodLimits(FloodLimits newLimits) {
    return new EmulatorSettings(token, botName, botUsername, clock, newLimits);
  }

  /** The bot's user id: the number before the colon of the token, as on Telegram. */
  public long botId() {
    return Long.parseLong(token.substring(0, token.indexOf(':')));
  }
}
