package io.bedside.messaging.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.stereotype.Component;

/**
 * Small JPEGs of photos, made without ever holding the whole picture in memory. A PNG of 140 KB can
 * declare 12000×12000 pixels (half a gigabyte decoded), so the size is read from the file's header
 * first: absurd sizes are refused, and the rest is decoded subsampled, reading only every n-th
 * pixel, which keeps a 50-megapixel phone photo to about a megapixel in memory.
 */
@Component
class Thumbnails {

    /** Beyond the largest phone cameras (108 MP); a declared size above it is a bomb or a scan. */
    static final long MAX_PIXELS = 120_000_000L;
    static final int SIZE = 320;

    /** Decoding is CPU-bound: at most this many at once, whatever the number of uploads. */
    private static final int AT_ONCE = 2;
    private static final long WAIT_SECONDS = 10;

    private final Semaphore decoding = new Semaphore(AT_ONCE, true);

    /** Width and height as a photo's header declares them. */
    record Dimensions(int width, int height) {
        long pixels() {
            return (long) width * height;
        }
    }

    /** The declared size, read from the header without decoding; empty when Java cannot read the format. */
    Optional<Dimensions> dimensions(byte[] image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            ImageReader reader = readerFor(in);
            if (reader == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Dimensions(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Whether a photo declaring these dimensions may be sent at all. */
    static boolean acceptable(Dimensions size) {
        return size.pixels() <= MAX_PIXELS;
    }

    /**
     * A JPEG at most {@value #SIZE} pixels on its longer side, or null when there is none to make:
     * a format Java cannot read (HEIC, WebP), a broken file, a size over the limit, or no decoding
     * slot free within a few seconds (the message is sent anyway, without a preview).
     */
    byte[] of(byte[] image) {
        Dimensions size = dimensions(image).orElse(null);
        if (size == null || !acceptable(size) || size.width() <= 0 || size.height() <= 0) {
            return null;
        }
        try {
            if (!decoding.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            BufferedImage source = decodeSubsampled(image, size);
            return source == null ? null : smallJpeg(source, size);
        } catch (IOException | RuntimeException | OutOfMemoryError failed) {
            // An allocation the header did not foretell (a broken file): that photo goes without a preview;
            // the failed array is garbage at once, so the rest of the application is unaffected.
            return null;
        } finally {
            decoding.release();
        }
    }

    /** Reads every n-th pixel of every n-th row, so the decoded picture is about twice the thumbnail's size. */
    private static BufferedImage decodeSubsampled(byte[] image, Dimensions size) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            ImageReader reader = readerFor(in);
            if (reader == null) {
                return null;
            }
            try {
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(size.width(), size.height()) / (2 * SIZE));
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReader readerFor(ImageInputStream in) {
        if (in == null) {
            return null;
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        reader.setInput(in, true, true);
        return reader;
    }

    /** Scaled from the declared size, so rounding in the subsampled picture does not change the shape. */
    private static byte[] smallJpeg(BufferedImage source, Dimensions size) throws IOException {
        double scale = Math.min(1.0, (double) SIZE / Math.max(size.width(), size.height()));
        int w = Math.max(1, (int) Math.round(size.width() * scale));
        int h = Math.max(1, (int) Math.round(size.height() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, w, h, Color.WHITE, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(small, "jpg", out);
        return out.toByteArray();
    }
}
