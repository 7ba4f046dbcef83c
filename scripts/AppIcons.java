import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * Draws Bedside's app icons (a white speech bubble with a blue cross on the accent blue) into
 * src/main/resources/static/img/icons. Run once from the repository root, and commit the PNGs:
 *   java scripts/AppIcons.java
 * "any" icons have rounded corners; maskable ones fill the square and keep the drawing inside the
 * central safe zone (a circle of 40 % of the size); the Apple touch icon fills the square (iOS
 * rounds it itself).
 */
public class AppIcons {

    static final Color ACCENT = new Color(0x0b, 0x5c, 0xad);

    public static void main(String[] args) throws IOException {
        File dir = new File("src/main/resources/static/img/icons");
        dir.mkdirs();
        write(draw(192, false, 0.80), new File(dir, "icon-192.png"));
        write(draw(512, false, 0.80), new File(dir, "icon-512.png"));
        write(draw(192, true, 0.62), new File(dir, "maskable-192.png"));
        write(draw(512, true, 0.62), new File(dir, "maskable-512.png"));
        write(draw(180, true, 0.72), new File(dir, "apple-touch-icon.png"));
    }

    static void write(BufferedImage image, File file) throws IOException {
        ImageIO.write(image, "png", file);
        System.out.println(file + " " + image.getWidth() + "x" + image.getHeight());
    }

    /** {@code full}: the background fills the square; {@code scale}: how much of it the bubble spans. */
    static BufferedImage draw(int size, boolean full, double scale) {
        BufferedImage image = new BufferedImage(size, size, full ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(ACCENT);
        if (full) {
            g.fillRect(0, 0, size, size);
        } else {
            double r = size * 0.22;
            g.fill(new RoundRectangle2D.Double(0, 0, size, size, r, r));
        }
        double w = size * scale;
        double h = w * 0.78;
        double x = (size - w) / 2;
        double y = (size - h) / 2 - size * 0.04;
        Area bubble = new Area(new RoundRectangle2D.Double(x, y, w, h, w * 0.32, w * 0.32));
        Path2D tail = new Path2D.Double();
        tail.moveTo(x + w * 0.22, y + h * 0.80);
        tail.lineTo(x + w * 0.16, y + h + w * 0.16);
        tail.lineTo(x + w * 0.46, y + h * 0.92);
        tail.closePath();
        bubble.add(new Area(tail));
        g.setColor(Color.WHITE);
        g.fill(bubble);
        g.setColor(ACCENT);
        double arm = w * 0.34;
        double thick = w * 0.11;
        double cx = x + w / 2;
        double cy = y + h / 2;
        g.setStroke(new BasicStroke((float) thick, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Line2D.Double(cx - arm / 2, cy, cx + arm / 2, cy));
        g.draw(new java.awt.geom.Line2D.Double(cx, cy - arm / 2, cx, cy + arm / 2));
        g.dispose();
        return image;
    }
}
