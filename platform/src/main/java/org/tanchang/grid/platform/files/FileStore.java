package org.tanchang.grid.platform.files;

import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.http.HttpStatus;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Stores and reads the files of matters. The caller (a service's thin endpoint) has already found the matter under
 * the caller's visibility and checked who may change it; this class checks the file itself: size first (nothing is
 * read past the limit), then the type its bytes are (never the name or header), then location metadata, and only
 * then writes: the bytes to GridFS, the record with its announcing event in one document write.
 */
public class FileStore {

    private final GridFsTemplate gridFs;
    private final MongoOperations mongo;
    private final FilesProperties properties;
    private final Clock clock;
    private final ContentSniffer sniffer = new ContentSniffer();
    private final LocationMetadata location = new LocationMetadata();

    FileStore(GridFsTemplate gridFs, MongoOperations mongo, FilesProperties properties, Clock clock) {
        this.gridFs = gridFs;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Stores the file for its matter, announced by the event {@code announce} makes of the stored record (the
     * matter's own {@code *FileAttached} on the matter's topic, keyed by the matter id so it stays in order).
     */
    public StoredFile store(FileUpload upload, Function<StoredFile, OutboxEvent> announce) {
        FilesProperties.Limits limits = properties.limitsOf(upload.kind());
        long max = limits.maxSize().toBytes();
        if (upload.size() > max) {
            throw tooLarge(max);
        }
        byte[] bytes = readAtMost(upload, max);
        if (bytes.length == 0) {
            throw ProblemException.unprocessable("empty-file", "Empty file", "The file has no content");
        }
        String sniffed = sniffer.detect(bytes);
        if (!limits.mediaTypes().contains(sniffed)) {
            throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-file-type",
                    "Unsupported file type", "The file's content is " + sniffed + "; a " + upload.kind()
                    + " may be " + String.join(", ", limits.mediaTypes()),
                    Map.of("detectedType", sniffed, "allowedTypes", limits.mediaTypes()));
        }
        String declared = sniffer.canonical(upload.declaredType());
        if (declared != null && !"application/octet-stream".equals(declared) && !declared.equals(sniffed)) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "file-type-mismatch", "File type mismatch",
                    "The file was sent as " + declared + " but its content is " + sniffed,
                    Map.of("declaredType", declared, "detectedType", sniffed));
        }
        LocationMetadata.Stripped clean = location.strip(sniffed, bytes);

        StoredFile file = new StoredFile();
        file.matterType = upload.matterType();
        file.matterId = upload.matterId();
        file.gridCode = upload.gridCode();
        file.kind = upload.kind();
        file.mediaType = sniffed;
        file.size = clean.bytes().length;
        file.sha256 = sha256(clean.bytes());
        file.uploadedBy = upload.uploadedBy();
        file.uploadedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        file.metadataRemoved = clean.removed();
        Document metadata = new Document("matterType", file.matterType).append("matterId", file.matterId)
                .append("gridCode", file.gridCode);
        ObjectId id = gridFs.store(new ByteArrayInputStream(clean.bytes()), file.matterType + "-" + file.matterId,
                sniffed, metadata);
        file.id = id.toHexString();
        file.outbox.add(announce.apply(file));
        try {
            mongo.insert(file);
        } catch (RuntimeException e) {
            gridFs.delete(Query.query(Criteria.where("_id").is(id)));   // no bytes without a record
            throw e;
        }
        return file;
    }

    /** The files of one matter, oldest first. The caller has found the matter under its visibility. */
    public List<StoredFile> list(String matterType, String matterId) {
        return mongo.find(Query.query(Criteria.where("matterType").is(matterType).and("matterId").is(matterId))
                .with(Sort.by("uploadedAt", "_id")), StoredFile.class);
    }

    /** One file of one matter with its bytes; a file of another matter is as missing as one that never was. */
    public FileContent read(String matterType, String matterId, String fileId) {
        StoredFile file = mongo.findOne(Query.query(Criteria.where("_id").is(fileId).and("matterType").is(matterType)
                .and("matterId").is(matterId)), StoredFile.class);
        GridFSFile stored = file == null || !ObjectId.isValid(fileId) ? null
                : gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId))));
        if (stored == null) {
            throw ProblemException.notFound("File", fileId);
        }
        try (InputStream in = gridFs.getResource(stored).getInputStream()) {
            return new FileContent(file, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a file's bytes and record (retention, tests); the events that named it stay history. */
    public void delete(String fileId) {
        if (ObjectId.isValid(fileId)) {
            gridFs.delete(Query.query(Criteria.where("_id").is(new ObjectId(fileId))));
        }
        mongo.remove(Query.query(Criteria.where("_id").is(fileId)), StoredFile.class);
    }

    private static byte[] readAtMost(FileUpload upload, long max) {
        try (InputStream in = upload.content().getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {   // the declared size was wrong: the limit holds on what was sent
                throw tooLarge(max);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException tooLarge(long max) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "file-too-large", "File too large",
                "The file is larger than " + max / 1024 + " KB", Map.of("maxBytes", max));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
