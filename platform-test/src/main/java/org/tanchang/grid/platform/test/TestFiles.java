package org.tanchang.grid.platform.test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

/** Files for upload tests, made here rather than shipped: real images, a PDF, and what pretends to be a photo. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A small real PNG. */
    public static byte[] png() {
        return image("png", 16, 16);
    }

    /** A JPEG as a phone writes it: EXIF with the GPS position of 理川镇 (104.0 E, 34.4 N). */
    public static byte[] jpegWithGps() {
        try {
            TiffOutputSet exif = new TiffOutputSet();
            exif.setGpsInDegrees(104.0, 34.4);
            ByteArrayOutputStream tagged = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(image("jpg", 32, 24), tagged, exif);
            return tagged.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a JPEG's EXIF carries a GPS position. */
    public static boolean jpegHasGps(byte[] jpeg) {
        try {
            ImageMetadata metadata = Imaging.getMetadata(jpeg);
            return metadata instanceof JpegImageMetadata m && m.getExif() != null && m.getExif().getGpsInfo() != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A "PDF" of the given size: the magic number, then random bytes (several GridFS chunks when large). */
    public static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** An HTML page, to be sent as "photo.jpg". */
    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The start of a Windows executable (MZ), to be sent as "photo.jpg". */
    public static byte[] exe() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        return bytes;
    }

    private static byte[] image(String format, int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
