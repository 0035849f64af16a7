package dev.rei.adapters.payments.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IP address literals without ever asking DNS (which {@link InetAddress#getByName} does for a host name). */
final class IpLiteral {

  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private IpLiteral() {}

  static Optional<InetAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String candidate = text.strip();
    boolean v4 = IPV4.matcher(candidate).matches();
    boolean v6 = !v4 && candidate.indexOf(':') >= 0 && IPV6.matcher(candidate).matches();
    if (!v4 && !v6) {
      return Optional.empty();
    }
    try {
      // A literal: the JDK parses it without a lookup.
      return Optional.of(InetAddress.getByName(candidate));
    } catch (UnknownHostException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static Optional<InetAddress> parse(byte[] bytes) {
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
