package dev.rei.adapters.telegram.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rei.application.port.in.admin.DayFigures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class StatsChartTest {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final StatsChart.Labels LABELS = new StatsChart.Labels("Задания по дням", "Задания",
      "Выручка по дням", "Нет выручки");

  private static BufferedImage decoded(byte[] png) throws Exception {
    assertThat(Arrays.copyOf(png, 8)).isEqualTo(PNG_SIGNATURE);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).isNotNull();
    return image;
  }

  @Test
  void givenFourteenQuietDays_png_isAValidPngOfTheExpectedSize() throws Exception {
    List<DayFigures> days = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      days.add(new DayFigures(LocalDate.parse("2026-11-10").plusDays(i), 0, Map.of()));
    }

    BufferedImage image = decoded(StatsChart.png(days, Map.of(), LABELS));

    assertThat(image.getWidth()).isEqualTo(StatsChart.WIDTH);
    assertThat(image.getHeight()).isEqualTo(StatsChart.HEIGHT);
  }

  @Test
  void givenNoDaysAtAll_png_isStillAValidPng() throws Exception {
    BufferedImage image = decoded(StatsChart.png(List.of(), Map.of(), LABELS));

    assertThat(image.getWidth()).isEqualTo(StatsChart.WIDTH);
  }

  @Test
  void givenJobsAndRevenueInTwoCurrencies_png_drawsThem_unlikeTheEmptyChart() throws Exception {
    List<DayFigures> quiet = new ArrayList<>();
    List<DayFigures> busy = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      LocalDate day = LocalDate.parse("2026-11-10").plusDays(i);
      quiet.add(new DayFigures(day, 0, Map.of()));
      busy.add(new DayFigures(day, i * 3L, Map.of("RUB", i * 10_000L, "XTR", 50L + i)));
    }

    byte[] png = StatsChart.png(busy, Map.of("RUB", 2, "XTR", 0), LABELS);

    BufferedImage image = decoded(png);
    assertThat(image.getHeight()).isEqualTo(StatsChart.HEIGHT);
    assertThat(png).isNotEqualTo(StatsChart.png(quiet, Map.of(), LABELS));
  }
}
