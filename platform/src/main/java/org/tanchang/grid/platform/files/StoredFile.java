package org.tanchang.grid.platform.files;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.files.AttachedFile;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;

/**
 * What is known of one stored file; its bytes are the GridFS file of the same id. Kept apart from GridFS's own
 * {@code fs.files} so the record and the event that announces it are one write (this document's outbox).
 */
@Document("attachments")
@CompoundIndex(name = "matter", def = "{'matterType': 1, 'matterId': 1, 'uploadedAt': 1}")
public class StoredFile implements OutboxOwner {

    @Id
    String id;
    String matterType;
    String matterId;
    /** The matter's area, so the file can be found by area without the matter (statistics, retention). */
    String gridCode;
    String kind;
    String mediaType;
    long size;
    String sha256;
    String uploadedBy;
    Instant uploadedAt;
    /** Whether location metadata (EXIF, XMP) was removed from the bytes as uploaded. */
    boolean metadataRemoved;
    List<OutboxEvent> outbox = new ArrayList<>();

    StoredFile() {
    }

    public String id() {
        return id;
    }

    public String matterType() {
        return matterType;
    }

    public String matterId() {
        return matterId;
    }

    public String gridCode() {
        return gridCode;
    }

    public String kind() {
        return kind;
    }

    public String mediaType() {
        return mediaType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public boolean metadataRemoved() {
        return metadataRemoved;
    }

    /** The file as events refer to it: by id, with what a consumer may want to know without reading it. */
    public AttachedFile reference() {
        return new AttachedFile(id, kind, mediaType, size, sha256);
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
