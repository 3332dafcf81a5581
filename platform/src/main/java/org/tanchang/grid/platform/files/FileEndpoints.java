package org.tanchang.grid.platform.files;

import java.net.URI;
import org.tanchang.grid.platform.web.Page;
import java.util.function.Function;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.security.Caller;

/**
 * What the files endpoints of every matter share, so each service's controller only finds its matter (under the
 * matter's own visibility, a 404 otherwise) and names the kind and the event. Matter paths are
 * {@code /api/<matters>/{id}/files[/{fileId}]}.
 */
public class FileEndpoints {

    private final FileStore store;

    FileEndpoints(FileStore store) {
        this.store = store;
    }

    /** A matter the caller may see: its type (as in events), id, area and the API path of its files. */
    public record Matter(String type, String id, String gridCode, String filesPath) {
    }

    /** 201 with the stored file and its Location; the uploader is the token's subject. */
    public ResponseEntity<FileView> upload(Caller caller, Matter matter, String kind, MultipartFile file,
            Function<StoredFile, OutboxEvent> announce) {
        StoredFile stored = store.store(new FileUpload(kind, matter.type(), matter.id(), matter.gridCode(),
                caller.subject(), file.getContentType(), file.getSize(), file), announce);
        FileView view = FileView.of(stored, matter.filesPath());
        return ResponseEntity.created(URI.create(view.href())).body(view);
    }

    /** One page of a matter's files, oldest first, in the shape of every other collection of the suite. */
    public Page<FileView> list(Matter matter, int page, int size) {
        return Page.slice(store.list(matter.type(), matter.id()).stream().map(f -> FileView.of(f, matter.filesPath()))
                .toList(), page, size);
    }

    /**
     * The bytes with the media type they were sniffed as, always as an attachment and with {@code nosniff}, so a
     * browser neither renders nor guesses: a stored file can never run as a page of the suite's origin.
     */
    public ResponseEntity<Resource> download(Matter matter, String fileId) {
        FileContent content = store.read(matter.type(), matter.id(), fileId);
        StoredFile f = content.file();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .contentLength(content.bytes().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(f.id() + extension(f.mediaType())).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .eTag("\"" + f.sha256() + "\"")
                .body(new ByteArrayResource(content.bytes()));
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
    }
}
