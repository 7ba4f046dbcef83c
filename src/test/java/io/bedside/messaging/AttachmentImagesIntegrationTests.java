package io.bedside.messaging;

import static io.bedside.support.Demo.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.bedside.messaging.internal.AttachmentDownloads;
import io.bedside.support.ApplicationTest;
import io.bedside.support.BothDatabases;
import io.bedside.support.PageSession;

/**
 * Photos sent with a message through the page's form: thumbnails are made from the header's
 * dimensions first, so a small file declaring a huge picture (a decompression bomb) is refused
 * before it is decoded, while a real phone photo still gets its thumbnail.
 */
@BothDatabases
class AttachmentImagesIntegrationTests extends ApplicationTest {

    @Autowired
    AttachmentDownloads downloads;

    @Test
    void aSmallPngDeclaringTwelveThousandPixelsSquareIsRefusedAndNothingIsWritten() throws IOException {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "A rash", "It started on Monday.");
        byte[] bomb = decompressionBomb(12_000, 12_000);
        assertThat(bomb.length).as("the bomb is small on the wire").isLessThan(200_000);

        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        alice.get("/app/conversations/" + conversation);
        PageSession.Page answer = alice.postMultipart("/app/conversations/" + conversation + "/messages",
                Map.of("body", "Here is a photo of it."), new PageSession.Upload("files", "rash.png", "image/png", bomb));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("too large to show");
        assertThat(count("message", conversation)).isEqualTo(1);
        assertThat(count("attachment", conversation)).isZero();
    }

    @Test
    void aTwelveMegapixelPhonePhotoStillGetsAThumbnail() throws IOException {
        String conversation = demo.startAsPatient(ALICE, "Dr. Patel", "My knee", "It is swollen.");
        PageSession alice = PageSession.signedIn(api.base(), ALICE);
        alice.get("/app/conversations/" + conversation);
        PageSession.Page answer = alice.postMultipart("/app/conversations/" + conversation + "/messages",
                Map.of("body", "A photo from my phone."),
                new PageSession.Upload("files", "knee.jpg", "image/jpeg", phonePhoto(4000, 3000)));

        assertThat(answer.status()).isEqualTo(302);
        UUID attachment = jdbc.sql("select id from attachment where conversation_id = :c")
                .param("c", UUID.fromString(conversation)).query(UUID.class).single();
        var thumbnail = downloads.attachment(demo.actor(ALICE), AttachmentId.of(attachment), true);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(240);
    }

    private long count(String table, String conversation) {
        return jdbc.sql("select count(*) from " + table + " where conversation_id = :c")
                .param("c", UUID.fromString(conversation)).query(Long.class).single();
    }

    /** A grey photo of 4000×3000 pixels as a phone takes it (a JPEG of about a megabyte or less). */
    private static byte[] phonePhoto(int width, int height) throws IOException {
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.PINK, width, height, Color.DARK_GRAY));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpg", out);
        return out.toByteArray();
    }

    /**
     * A valid 8-bit greyscale PNG whose every pixel is black: it declares {@code width × height}
     * pixels, but its deflated rows of zeros are a few hundred kilobytes at most.
     */
    static byte[] decompressionBomb(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream ihdr = new DataOutputStream(header);
        ihdr.writeInt(width);
        ihdr.writeInt(height);
        ihdr.write(new byte[] {8, 0, 0, 0, 0}); // 8 bits, greyscale, deflate, no filter, no interlace
        chunk(png, "IHDR", header.toByteArray());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream rows = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] row = new byte[width + 1]; // filter byte 0, then black pixels
            for (int y = 0; y < height; y++) {
                rows.write(row);
            }
        }
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
