package org.tanchang.grid.platform.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.common.ImageMetadata;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.png.PngImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.webp.WebPImageMetadata;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Removes where a photo was taken before it is stored. Done for every JPEG of every kind, not only for pictures
 * that may be published: whether a found item's picture ends up on a public notice is decided later (when the notice
 * is posted), a matter records its place itself, and one path is one thing to test. EXIF (GPS, camera serial,
 * time) and XMP (which can carry GPS too) are dropped losslessly by Commons Imaging's rewriters; the image data is
 * untouched. PNG and WebP can carry EXIF as well but have no lossless rewriter here: one with GPS is refused.
 */
final class LocationMetadata {

    /** The bytes to store: a JPEG without EXIF and XMP, anything else as it came (after the GPS check). */
    Stripped strip(String mediaType, byte[] bytes) {
        try {
            if ("image/jpeg".equals(mediaType)) {
                ByteArrayOutputStream noExif = new ByteArrayOutputStream(bytes.length);
                new ExifRewriter().removeExifMetadata(bytes, noExif);
                ByteArrayOutputStream noXmp = new ByteArrayOutputStream(bytes.length);
                new JpegXmpRewriter().removeXmpXml(noExif.toByteArray(), noXmp);
                byte[] out = noXmp.toByteArray();
                return new Stripped(out, out.length != bytes.length);
            }
            if (mediaType.startsWith("image/") && hasGps(bytes)) {
                throw ProblemException.unprocessable("location-metadata", "Location metadata in the image",
                        "The image carries GPS coordinates that cannot be removed from a " + mediaType
                                + "; send it as JPEG or without location");
            }
            return new Stripped(bytes, false);
        } catch (IOException e) {   // ImagingException included
            throw unreadable(mediaType);
        }
    }

    /** Whether the image's EXIF has a GPS directory; for checking stored copies and non-JPEG uploads. */
    static boolean hasGps(byte[] bytes) throws IOException {
        ImageMetadata metadata = Imaging.getMetadata(bytes);
        TiffImageMetadata exif = null;
        if (metadata instanceof JpegImageMetadata jpeg) {
            exif = jpeg.getExif();
        } else if (metadata instanceof PngImageMetadata png) {
            exif = png.getExif();
        } else if (metadata instanceof WebPImageMetadata webp) {
            exif = webp.getExif();
        } else if (metadata instanceof TiffImageMetadata tiff) {
            exif = tiff;
        }
        return exif != null && exif.getGpsInfo() != null;
    }

    private static ProblemException unreadable(String mediaType) {
        return ProblemException.unprocessable("unreadable-file", "Unreadable file",
                "The file starts like " + mediaType + " but cannot be read as one");
    }

    record Stripped(byte[] bytes, boolean removed) {
    }
}
