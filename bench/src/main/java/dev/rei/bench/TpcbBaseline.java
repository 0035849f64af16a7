package dev.rei.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The yardstick: pgbench's built-in TPC-B-like transaction on the same server in the same run, so
 * that Rei's figures can be read as a ratio that means something on a noisy machine. Uses the
 * pgbench binary when it is installed, else runs the same five statements over JDBC.
 */
final class TpcbBaseline {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

  private final String host;
  private final int port;
  private final String database;
  private final String user;

  TpcbBaseline(String host, int port, String database, String user) {
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
  }

  /** Transactions per second, and which tool measured them. */
  record Measurement(double tps, String tool) {}

  Measurement measure(int clients, Duration duration) throws Exception {
    if (pgbenchInstalled()) {
      run("pgbench", "-i", "-q", "-s", "1");
      String output = run("pgbench", "-b", "tpcb-like", "-c", Integer.toString(clients), "-j",
          Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
          Long.toString(duration.toSeconds()));
      Matcher matcher = TPS.matcher(output);
      if (matcher.find()) {
        return new Measurement(Double.parseDouble(matcher.group(1)), "pgbench");
      }
      throw new IllegalStateException("no tps in pgbench output:\n" + output);
    }
    return new Measurement(jdbcTpcb(clients, duration), "jdbc tpcb-like");
  }

  private static boolean pgbenchInstalled() {
    try {
      return new ProcessBuilder("pgbench", "--version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private String run(String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("-h", host, "-p", Integer.toString(port), "-U", user, database));
    Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
    StringBuilder output = new StringBuilder();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        output.append(line).append('\n');
      }
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", args) + " failed:\n" + output);
    }
    return output.toString();
  }

  private String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** pgbench's tpcb-like script at scale 1 (1 branch, 10 tellers, 100,000 accounts) over JDBC. */
  private double jdbcTpcb(int clients, Duration duration) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl(), user, "");
         Statement s = c.createStatement()) {
      s.execute("drop table if exists bench_history, bench_tellers, bench_accounts, bench_branches");
      s.execute("create table bench_branches (bid int primary key, bbalance int, filler char(88))");
      s.execute("create table bench_tellers (tid int primary key, bid int, tbalance int, filler char(84))");
      s.execute("create table bench_accounts (aid int primary key, bid int, abalance int, filler char(84))");
      s.execute("create table bench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))");
      s.execute("insert into bench_branches values (1, 0, '')");
      s.execute("insert into bench_tellers select t, 1, 0, '' from generate_series(1, 10) t");
      s.execute("insert into bench_accounts select a, 1, 0, '' from generate_series(1, 100000) a");
      s.execute("vacuum analyze");
    }
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread thread = new Thread(() -> {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), user, "")) {
          c.setAutoCommit(false);
          PreparedStatement a = c.prepareStatement("update bench_accounts set abalance = abalance + ? where aid = ?");
          PreparedStatement sel = c.prepareStatement("select abalance from bench_accounts where aid = ?");
          PreparedStatement t = c.prepareStatement("update bench_tellers set tbalance = tbalance + ? where tid = ?");
          PreparedStatement b = c.prepareStatement("update bench_branches set bbalance = bbalance + ? where bid = 1");
          PreparedStatement h = c.prepareStatement(
              "insert into bench_history (tid, bid, aid, delta, mtime) values (?, 1, ?, ?, current_timestamp)");
          ThreadLocalRandom random = ThreadLocalRandom.current();
          while (System.nanoTime() < end) {
            int aid = random.nextInt(1, 100_001);
            int tid = random.nextInt(1, 11);
            int delta = random.nextInt(-5000, 5001);
            a.setInt(1, delta);
            a.setInt(2, aid);
            a.executeUpdate();
            sel.setInt(1, aid);
            sel.executeQuery().close();
            t.setInt(1, delta);
            t.setInt(2, tid);
            t.executeUpdate();
            b.setInt(1, delta);
            b.executeUpdate();
            h.setInt(1, tid);
            h.setInt(2, aid);
            h.setInt(3, delta);
            h.executeUpdate();
            c.commit();
            done.incrementAndGet();
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return done.get() / (double) duration.toSeconds();
  }
}
