package org.tanchang.grid.platform.files;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;
import org.tanchang.grid.platform.web.OpenApiConfiguration;

/** Documents the file endpoints from their markers, so every service's files read the same in its document. */
final class FileOperations implements OperationCustomizer {

    static final String TOO_LARGE = """
            {"type":"urn:tanchang-grid:problem:file-too-large","title":"File too large","status":413,
             "detail":"The file is larger than 4096 KB","instance":"/api/patrol-reports/pr-1/files",
             "requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b","traceId":"4bf92f3577b34da6a3ce929d0e0e4736","maxBytes":4194304}
            """;
    static final String UNSUPPORTED = """
            {"type":"urn:tanchang-grid:problem:unsupported-file-type","title":"Unsupported file type","status":415,
             "detail":"The file's content is text/html; a photo may be image/jpeg, image/png, image/webp",
             "instance":"/api/patrol-reports/pr-1/files","requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b",
             "traceId":"4bf92f3577b34da6a3ce929d0e0e4736","detectedType":"text/html",
             "allowedTypes":["image/jpeg","image/png","image/webp"]}
            """;
    static final String MISMATCH = """
            {"type":"urn:tanchang-grid:problem:file-type-mismatch","title":"File type mismatch","status":422,
             "detail":"The file was sent as image/jpeg but its content is image/png",
             "instance":"/api/patrol-reports/pr-1/files","requestId":"3f6c2a9e-5d1b-4c1e-9a57-0c1d2e3f4a5b",
             "traceId":"4bf92f3577b34da6a3ce929d0e0e4736","declaredType":"image/jpeg","detectedType":"image/png"}
            """;

    private final FilesProperties properties;

    FileOperations(FilesProperties properties) {
        this.properties = properties;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        UploadsFile upload = handler.getMethodAnnotation(UploadsFile.class);
        if (upload != null) {
            FilesProperties.Limits limits = properties.limitsOf(upload.value());
            String rule = "The file's type is read from its content, never from its name or declared type: a "
                    + upload.value() + " may be " + String.join(", ", limits.mediaTypes()) + ", at most "
                    + limits.maxSize().toMegabytes() + " MB. EXIF and XMP metadata (GPS position, camera) are "
                    + "removed from JPEGs before they are stored.";
            operation.setDescription(operation.getDescription() == null ? rule
                    : operation.getDescription() + "\n\n" + rule);
            // before the platform adds its generic 415, so this one (with its example) is the one documented
            responses(operation).remove("415");
            OpenApiConfiguration.documentProblem(operation, "413", "The file is larger than its kind allows; "
                    + "nothing was stored", OpenApiConfiguration.example(TOO_LARGE));
            OpenApiConfiguration.documentProblem(operation, "415", "The file's content is not a type its kind "
                    + "allows (or not multipart/form-data); nothing was stored", OpenApiConfiguration.example(UNSUPPORTED));
            OpenApiConfiguration.documentProblem(operation, "422", "The declared type differs from the content, "
                    + "the file is empty or unreadable, or an image's location cannot be removed; nothing was stored",
                    OpenApiConfiguration.example(MISMATCH));
        }
        if (handler.hasMethodAnnotation(ServesFile.class)) {
            Content content = new Content();
            TreeSet<String> types = new TreeSet<>();
            properties.kinds().values().forEach(k -> types.addAll(k.mediaTypes()));
            types.forEach(t -> content.addMediaType(t, new MediaType().schema(new BinarySchema())));
            ApiResponse ok = new ApiResponse().description("The file's bytes, with the media type they were "
                            + "stored as; always an attachment, never to be sniffed")
                    .content(content)
                    .headers(Map.of(
                            "Content-Disposition", new Header().description("attachment; filename=<fileId>.<ext>")
                                    .schema(new StringSchema().example("attachment; filename=\"6752b0c4e4b0a1c2d3e4f5a6.jpg\"")),
                            "X-Content-Type-Options", new Header().description("Always nosniff")
                                    .schema(new StringSchema().example("nosniff")),
                            "ETag", new Header().description("The SHA-256 of the bytes, quoted")
                                    .schema(new StringSchema().example("\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\""))));
            responses(operation).addApiResponse("200", ok);
        }
        return operation;
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }
}
