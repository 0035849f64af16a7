package dev.rei.adapters.providers.simulated;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the simulated provider's PNG: a gradient in colours taken from the prompt (an input photo
 * faded over it, for edits), the prompt in white, and a footer saying it is simulated. Sizes are
 * a scaled-down stand-in for the real ones: 512 px on the long side for "1K".
 */
final class PlaceholderImage {

  private static final Logger log = LoggerFactory.getLogger(PlaceholderImage.class);
  /** Bigger input photos are not decoded: a small file can claim a huge picture. */
  private static final long MAX_INPUT_PIXELS = 40_000_000L;
  private static final int MAX_PROMPT_CHARACTERS = 400;

  static {
    // No display is ever needed, and a DISPLAY pointing nowhere must not break image making.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static volatile boolean textUnavailable;

  private PlaceholderImage() {}

  /** The long side in pixels for a Gemini-style image size. */
  static int longSide(Optional<String> imageSize) {
    return switch (imageSize.orElse("1K")) {
      case "512" -> 256;
      case "2K" -> 768;
      case "4K" -> 1024;
      default -> 512;
    };
  }

  /** Width and height for {@code aspectRatio} ("16:9"; 1:1 when absent or odd) with {@code longSide}. */
  static int[] dimensions(Optional<String> aspectRatio, int longSide) {
    double ratio = 1.0;
    if (aspectRatio.isPresent()) {
      String[] sides = aspectRatio.get().split(":");
      try {
        double w = Double.parseDouble(sides[0]);
        double h = Double.parseDouble(sides[1]);
        if (w > 0 && h > 0) {
          ratio = Math.max(1.0 / 8, Math.min(8.0, w / h));
        }
      } catch (RuntimeException e) {
        // Not "W:H": square.
      }
    }
    int width = ratio >= 1 ? longSide : (int) Math.max(16, Math.round(longSide * ratio));
    int height = ratio >= 1 ? (int) Math.max(16, Math.round(longSide / ratio)) : longSide;
    return new int[] {width, height};
  }

  /** The PNG bytes. */
  static byte[] render(String prompt, int width, int height, String footer, Optional<byte[]> inputPhoto) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      int hash = prompt.hashCode();
      float hue = (hash & 0xffff) / 65536f;
      g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.65f, 0.85f), width, height,
          Color.getHSBColor(hue + 0.33f, 0.75f, 0.35f)));
      g.fillRect(0, 0, width, height);
      inputPhoto.flatMap(PlaceholderImage::decode).ifPresent(photo -> {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.55f));
        drawCovering(g, photo, width, height);
        g.setComposite(AlphaComposite.SrcOver);
      });
      drawText(g, prompt, footer, width, height);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", png)) {
        throw new IllegalStateException("this Java runtime has no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the simulated PNG", e);
    }
    return png.toByteArray();
  }

  private static void drawText(Graphics2D g, String prompt, String footer, int width, int height) {
    if (textUnavailable) {
      return;
    }
    try {
      String shown = prompt.length() > MAX_PROMPT_CHARACTERS ? prompt.substring(0, MAX_PROMPT_CHARACTERS) + "…" : prompt;
      int margin = Math.max(8, width / 20);
      Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, Math.min(width, height) / 14));
      g.setFont(font);
      FontMetrics metrics = g.getFontMetrics();
      List<String> lines = wrap(shown, metrics, width - 2 * margin);
      int lineHeight = metrics.getHeight();
      int footerHeight = Math.max(10, Math.min(width, height) / 30) * 2;
      int maxLines = Math.max(1, (height - 2 * margin - footerHeight) / lineHeight);
      if (lines.size() > maxLines) {
        lines = new ArrayList<>(lines.subList(0, maxLines));
        lines.set(maxLines - 1, lines.get(maxLines - 1) + "…");
      }
      int y = margin + metrics.getAscent() + Math.max(0, (height - footerHeight - 2 * margin - lines.size() * lineHeight) / 2);
      for (String line : lines) {
        int x = Math.max(margin, (width - metrics.stringWidth(line)) / 2);
        int shadow = Math.max(1, font.getSize() / 12);
        g.setColor(new Color(0, 0, 0, 150));
        g.drawString(line, x + shadow, y + shadow);
        g.setColor(Color.WHITE);
        g.drawString(line, x, y);
        y += lineHeight;
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(width, height) / 30)));
      g.setColor(new Color(255, 255, 255, 200));
      g.drawString(footer, margin, height - margin / 2 - g.getFontMetrics().getDescent());
    } catch (RuntimeException | LinkageError | InternalError e) {
      // A runtime without fonts (fontconfig missing) fails here, not earlier: an image without
      // text still proves the flow, so keep making those and say so once.
      textUnavailable = true;
      log.warn("simulated images are drawn without text: this Java runtime cannot render fonts ({})", e.toString());
    }
  }

  private static List<String> wrap(String text, FontMetrics metrics, int maxWidth) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\\R")) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split("\\s+")) {
        if (word.isEmpty()) {
          continue;
        }
        String candidate = line.length() == 0 ? word : line + " " + word;
        if (metrics.stringWidth(candidate) <= maxWidth) {
          line.setLength(0);
          line.append(candidate);
          continue;
        }
        if (line.length() > 0) {
          lines.add(line.toString());
          line.setLength(0);
        }
        // A word wider than the image is broken where it must be.
        String rest = word;
        while (metrics.stringWidth(rest) > maxWidth && rest.length() > 1) {
          int cut = rest.length() - 1;
          while (cut > 1 && metrics.stringWidth(rest.substring(0, cut)) > maxWidth) {
            cut--;
          }
          lines.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      if (line.length() > 0) {
        lines.add(line.toString());
      }
    }
    return lines.isEmpty() ? List.of("") : lines;
  }

  private static void drawCovering(Graphics2D g, BufferedImage photo, int width, int height) {
    double scale = Math.max((double) width / photo.getWidth(), (double) height / photo.getHeight());
    int w = (int) Math.ceil(photo.getWidth() * scale);
    int h = (int) Math.ceil(photo.getHeight() * scale);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(photo, (width - w) / 2, (height - h) / 2, w, h, null);
  }

  /** The photo, unless it is not a readable image or claims too many pixels. */
  private static Optional<BufferedImage> decode(byte[] bytes) {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      if (input == null) {
        return Optional.empty();
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_INPUT_PIXELS) {
          return Optional.empty();
        }
        return Optional.ofNullable(reader.read(0));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
