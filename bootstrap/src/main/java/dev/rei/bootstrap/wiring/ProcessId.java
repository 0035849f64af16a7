package dev.rei.bootstrap.wiring;

import java.util.Objects;

/** Names this process in worker ids and leases: host and pid, e.g. {@code web-1-4711}. */
public record ProcessId(String value) {

  public ProcessId {
    Objects.requireNonNull(value, "value");
  }

  static ProcessId current() {
    String host = System.getenv().getOrDefault("HOSTNAME", "rei").replaceAll("[^A-Za-z0-9._-]", "");
    if (host.isEmpty()) {
      host = "rei";
    }
    return new ProcessId((host.length() > 60 ? host.substring(0, 60) : host) + "-" + ProcessHandle.current().pid());
  }
}
