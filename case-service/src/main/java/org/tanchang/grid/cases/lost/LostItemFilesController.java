package org.tanchang.grid.cases.lost;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import org.springframework.web.bind.annotation.RequestParam;
import org.tanchang.grid.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tanchang.grid.contracts.lost.LostItemFileAttached;
import org.tanchang.grid.platform.audit.AuditOperation;
import org.tanchang.grid.platform.files.FileEndpoints;
import org.tanchang.grid.platform.files.FileKinds;
import org.tanchang.grid.platform.files.FileView;
import org.tanchang.grid.platform.files.ServesFile;
import org.tanchang.grid.platform.files.StoredFile;
import org.tanchang.grid.platform.files.UploadsFile;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.PublicEndpoint;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.web.ProblemExamples;

/**
 * Pictures of lost and found items. A lost report's pictures are its owner's and the area police's; a found item's
 * are the police's, and while the item is under public notice anyone may see them on the notice (their EXIF, with
 * any GPS position, was removed when they were stored).
 */
@RestController
@Tag(name = "Lost property files", description = "Pictures of lost and found items, and of the public notices")
class LostItemFilesController {

    private final LostReports reports;
    private final FoundItems items;
    private final MongoOperations mongo;
    private final FileEndpoints files;
    private final Outbox outbox;

    LostItemFilesController(LostReports reports, FoundItems items, MongoOperations mongo, FileEndpoints files,
            Outbox outbox) {
        this.reports = reports;
        this.items = items;
        this.mongo = mongo;
        this.files = files;
        this.outbox = outbox;
    }

    @PostMapping(path = "/api/lost-reports/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allowed({Roles.CITIZEN, Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @AuditOperation("lost-report.attach-file")
    @UploadsFile(FileKinds.PHOTO)
    @Operation(operationId = "attachLostReportFile", summary = "Attach a picture of the lost item",
            description = "By the citizen who reported the loss or the police of its area; announced as "
                    + "LostItemFileAttached (by id).")
    @ApiResponse(responseCode = "201", description = "Stored", headers = @Header(name = "Location",
            description = "URL of the file's bytes", schema = @Schema(type = "string", format = "uri-reference")))
    ResponseEntity<FileView> attachToReport(Caller caller, @PathVariable String id,
            @RequestPart("file") MultipartFile file) {
        return files.upload(caller, lostReport(caller, id), FileKinds.PHOTO, file, this::announce);
    }

    @GetMapping("/api/lost-reports/{id}/files")
    @Allowed({Roles.CITIZEN, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "listLostReportFiles", summary = "List a lost report's pictures",
            description = "For the citizen who reported the loss and the staff of its area (else 404).")
    @ApiResponse(responseCode = "200", description = "The pictures, oldest first")
    Page<FileView> listOfReport(Caller caller, @PathVariable String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return files.list(lostReport(caller, id), page, size);
    }

    @GetMapping("/api/lost-reports/{id}/files/{fileId}")
    @Allowed({Roles.CITIZEN, Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @ServesFile
    @Operation(operationId = "getLostReportFile", summary = "Read a lost report's picture",
            description = "For the citizen who reported the loss and the staff of its area (else 404).")
    ResponseEntity<Resource> readOfReport(Caller caller, @PathVariable String id, @PathVariable String fileId) {
        return files.download(lostReport(caller, id), fileId);
    }

    @PostMapping(path = "/api/found-items/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @AuditOperation("found-item.attach-file")
    @UploadsFile(FileKinds.PHOTO)
    @Operation(operationId = "attachFoundItemFile", summary = "Attach a picture of the found item",
            description = "Shown on the item's public notice while it is under notice; announced as "
                    + "LostItemFileAttached (by id).")
    @ApiResponse(responseCode = "201", description = "Stored", headers = @Header(name = "Location",
            description = "URL of the file's bytes", schema = @Schema(type = "string", format = "uri-reference")))
    ResponseEntity<FileView> attachToFound(Caller caller, @PathVariable String id,
            @RequestPart("file") MultipartFile file) {
        return files.upload(caller, foundItem(caller, id), FileKinds.PHOTO, file, this::announce);
    }

    @GetMapping("/api/found-items/{id}/files")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "listFoundItemFiles", summary = "List a found item's pictures",
            description = "For the staff of the item's area (else 404).")
    @ApiResponse(responseCode = "200", description = "The pictures, oldest first")
    Page<FileView> listOfFound(Caller caller, @PathVariable String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return files.list(foundItem(caller, id), page, size);
    }

    @GetMapping("/api/found-items/{id}/files/{fileId}")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @ServesFile
    @Operation(operationId = "getFoundItemFile", summary = "Read a found item's picture",
            description = "For the staff of the item's area (else 404).")
    ResponseEntity<Resource> readOfFound(Caller caller, @PathVariable String id, @PathVariable String fileId) {
        return files.download(foundItem(caller, id), fileId);
    }

    @GetMapping("/api/public/lost-property-notices/{receiptNumber}/files")
    @PublicEndpoint
    @Operation(operationId = "listLostPropertyNoticeFiles", summary = "List a public notice's pictures",
            description = "The pictures of a found item under public notice, by its receipt number. No token "
                    + "needed; 404 once the notice has ended (claimed, disposed) or for an item never noticed.")
    @ApiResponse(responseCode = "200", description = "The pictures, oldest first")
    @ApiResponse(responseCode = "404", description = "No notice is up under this receipt number, or no such file on it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
    Page<FileView> listOfNotice(@PathVariable String receiptNumber,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<FileView> listed = files.list(notice(receiptNumber), page, size);
        return new Page<>(listed.items().stream().map(FileView::withoutUploader).toList(), listed.page(),
                listed.size(), listed.total());
    }

    @GetMapping("/api/public/lost-property-notices/{receiptNumber}/files/{fileId}")
    @PublicEndpoint
    @ServesFile
    @Operation(operationId = "getLostPropertyNoticeFile", summary = "Read a public notice's picture",
            description = "No token needed, while the item is under notice (else 404).")
    @ApiResponse(responseCode = "404", description = "No notice is up under this receipt number, or no such file on it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
    ResponseEntity<Resource> readOfNotice(@PathVariable String receiptNumber, @PathVariable String fileId) {
        return files.download(notice(receiptNumber), fileId);
    }

    private OutboxEvent announce(StoredFile f) {
        return outbox.event(LostItemFileAttached.TYPE, f.matterId(), new LostItemFileAttached(f.matterType(),
                f.matterId(), f.gridCode(), f.reference(), Times.local(f.uploadedAt())));
    }

    private FileEndpoints.Matter lostReport(Caller caller, String id) {
        LostReport report = reports.get(caller, id);
        return new FileEndpoints.Matter("lost-report", report.id, report.areaCode, "/api/lost-reports/" + id + "/files");
    }

    private FileEndpoints.Matter foundItem(Caller caller, String id) {
        FoundItem item = items.get(caller, id);
        return new FileEndpoints.Matter("found-item", item.id, item.areaCode, "/api/found-items/" + id + "/files");
    }

    /** The found item behind a notice that is still up; any other receipt number is unknown to the public. */
    private FileEndpoints.Matter notice(String receiptNumber) {
        FoundItem item = mongo.findOne(Query.query(Criteria.where("receiptNumber").is(receiptNumber)
                .and("status").is(LostStates.Found.NOTICED)), FoundItem.class);
        if (item == null) {
            throw ProblemException.notFound("Lost-property notice", receiptNumber);
        }
        return new FileEndpoints.Matter("found-item", item.id, item.areaCode,
                "/api/public/lost-property-notices/" + receiptNumber + "/files");
    }
}
