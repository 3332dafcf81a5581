package org.tanchang.grid.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The media type of a file from its bytes alone (Tika's magic numbers). No file name and no declared type are given
 * to the detector, so neither can talk it into an answer: a "photo.jpg" that is HTML is {@code text/html}.
 */
final class ContentSniffer {

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

    /** The base type ({@code image/jpeg}), or {@code application/octet-stream} when the bytes say nothing known. */
    String detect(byte[] bytes) {
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            return types.detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A declared type in its canonical form ({@code image/JPEG; charset=x} → {@code image/jpeg}), or null. */
    String canonical(String declared) {
        MediaType type = declared == null ? null : MediaType.parse(declared);
        return type == null ? null : types.getMediaTypeRegistry().normalize(type).getBaseType().toString();
    }
}
