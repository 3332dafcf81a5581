package org.tanchang.grid.platform.files;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import org.tanchang.grid.platform.time.Times;

/** A stored file as the API shows it; the bytes are read from its own URL. */
@Schema(name = "StoredFile", description = "A file of a matter; its media type is what its bytes are, not what the "
        + "upload said")
public record FileView(
        @Schema(example = "6752b0c4e4b0a1c2d3e4f5a6") String id,
        @Schema(example = "photo") String kind,
        @Schema(example = "image/jpeg") String mediaType,
        @Schema(description = "Bytes as stored (after location metadata was removed)", example = "284113") long size,
        @Schema(description = "SHA-256 of the stored bytes, hex",
                example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @Schema(description = "Username from the uploader's token; not shown on public pages", example = "wang.gm")
        String uploadedBy,
        @Schema(example = "2026-12-07T10:15:30+08:00") OffsetDateTime uploadedAt,
        @Schema(description = "Whether EXIF/XMP metadata (GPS position, camera) was removed") boolean metadataRemoved,
        @Schema(description = "Where the bytes are read", example = "/api/incidents/inc-1/files/6752b0c4e4b0a1c2d3e4f5a6")
        String href) {

    /** The same file for a public page: who uploaded it is the service's business, not the public's. */
    public FileView withoutUploader() {
        return new FileView(id, kind, mediaType, size, sha256, null, uploadedAt, metadataRemoved, href);
    }

    public static FileView of(StoredFile f, String basePath) {
        return new FileView(f.id(), f.kind(), f.mediaType(), f.size(), f.sha256(), f.uploadedBy(),
                Times.local(f.uploadedAt()), f.metadataRemoved(), basePath + "/" + f.id());
    }
}
