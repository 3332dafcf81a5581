package org.tanchang.grid.platform.files;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code tanchang.files}: the GridFS bucket and, per kind of file, its largest size and the media types its bytes
 * may be (as sniffed, e.g. {@code image/jpeg}).
 */
@ConfigurationProperties("tanchang.files")
public record FilesProperties(@DefaultValue("fs") String bucket, Map<String, Limits> kinds) {

    public FilesProperties {
        kinds = kinds == null ? Map.of() : Map.copyOf(kinds);
    }

    /** The limits of one kind of file. */
    public record Limits(DataSize maxSize, List<String> mediaTypes) {

        public Limits {
            mediaTypes = mediaTypes == null ? List.of() : List.copyOf(mediaTypes);
        }
    }

    Limits limitsOf(String kind) {
        Limits limits = kinds.get(kind);
        if (limits == null) {
            throw new IllegalArgumentException("No tanchang.files.kinds." + kind + " configured");
        }
        return limits;
    }

    /** The largest file any kind accepts; the servlet multipart limit must let it through. */
    DataSize largest() {
        return kinds.values().stream().map(Limits::maxSize)
                .max(java.util.Comparator.comparingLong(DataSize::toBytes)).orElse(DataSize.ofBytes(0));
    }
}
