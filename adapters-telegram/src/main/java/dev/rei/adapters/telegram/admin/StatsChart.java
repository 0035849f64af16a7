package dev.rei.adapters.telegram.admin;

import dev.rei.application.port.in.admin.DayFigures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * Draws the /stats chart: jobs per day above revenue per day (one series per currency, in major
 * units), as one PNG. AWT runs headless, so a server without a display draws it too.
 */
public final class StatsChart {

  static {
    // Before any AWT class loads: the bot never opens a window, and servers have no display.
    System.setProperty("java.awt.headless", "true");
  }

  public static final int WIDTH = 900;
  public static final int HEIGHT = 900;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");

  /** The chart's words, in the admin's language. */
  public record Labels(String jobsTitle, String jobsSeries, String revenueTitle, String noRevenue) {
    public Labels {
      Objects.requireNonNull(jobsTitle, "jobsTitle");
      Objects.requireNonNull(jobsSeries, "jobsSeries");
      Objects.requireNonNull(revenueTitle, "revenueTitle");
      Objects.requireNonNull(noRevenue, "noRevenue");
    }
  }

  private StatsChart() {}

  /** The PNG of {@code days} (oldest first), {@link #WIDTH} × {@link #HEIGHT} pixels. */
  public static byte[] png(List<DayFigures> days, Map<String, Integer> fractionDigits, Labels labels) {
    List<String> x = days.stream().map(d -> d.day().format(DAY)).toList();
    if (x.isEmpty()) {
      x = List.of("—");
    }
    CategoryChart jobs = chart(labels.jobsTitle());
    jobs.addSeries(labels.jobsSeries(), x, days.isEmpty() ? List.of(0L) : days.stream().map(DayFigures::jobs).toList());
    CategoryChart revenue = chart(labels.revenueTitle());
    TreeSet<String> currencies = new TreeSet<>();
    days.forEach(d -> currencies.addAll(d.revenue().keySet()));
    if (currencies.isEmpty()) {
      revenue.addSeries(labels.noRevenue(), x, zeros(x.size()));
    }
    for (String currency : currencies) {
      int digits = fractionDigits.getOrDefault(currency, 2);
      List<Double> values = new ArrayList<>();
      for (DayFigures day : days) {
        values.add(BigDecimal.valueOf(day.revenue().getOrDefault(currency, 0L), digits).doubleValue());
      }
      revenue.addSeries(currency, x, values);
    }
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, WIDTH, HEIGHT);
      jobs.paint(graphics, WIDTH, HEIGHT / 2);
      graphics.translate(0, HEIGHT / 2);
      revenue.paint(graphics, WIDTH, HEIGHT / 2);
    } finally {
      graphics.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the stats chart", e);
    }
    return out.toByteArray();
  }

  private static CategoryChart chart(String title) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT / 2).title(title).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setXAxisLabelRotation(45);
    chart.getStyler().setYAxisMin(0.0);
    return chart;
  }

  private static List<Double> zeros(int count) {
    List<Double> zeros = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      zeros.add(0.0);
    }
    return zeros;
  }
}
