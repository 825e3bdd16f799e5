package org.mpgref.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Test helpers: decode a PNG, and count what is drawn in it. */
public final class Pictures {
  private Pictures() {}

  /**
   * Decodes a PNG file.
   *
   * @param png the file
   * @return the image
   * @throws IOException if it cannot be read
   * @throws IllegalStateException if it does not decode as an image
   */
  public static BufferedImage read(Path png) throws IOException {
    BufferedImage img = ImageIO.read(png.toFile());
    if (img == null) {
      throw new IllegalStateException(png + " does not decode as an image");
    }
    return img;
  }

  /**
   * The fraction of pixels whose RGB differs from a colour.
   *
   * @param img the image
   * @param c the colour
   * @return a number in [0, 1]
   */
  public static double fractionDifferentFrom(BufferedImage img, Color c) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        n += (img.getRGB(x, y) & 0xFFFFFF) != (c.getRGB() & 0xFFFFFF) ? 1 : 0;
      }
    }
    return (double) n / ((long) img.getWidth() * img.getHeight());
  }

  /**
   * The number of pixels within a small RGB distance (each channel within 24) of a colour.
   *
   * @param img the image
   * @param c the colour
   * @return the count
   */
  public static long near(BufferedImage img, Color c) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int p = img.getRGB(x, y);
        int r = (p >> 16) & 0xFF;
        int g = (p >> 8) & 0xFF;
        int b = p & 0xFF;
        if (Math.abs(r - c.getRed()) <= 24 && Math.abs(g - c.getGreen()) <= 24 && Math.abs(b - c.getBlue()) <= 24) {
          n++;
        }
      }
    }
    return n;
  }
}
