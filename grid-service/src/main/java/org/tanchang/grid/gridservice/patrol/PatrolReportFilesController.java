package org.tanchang.grid.gridservice.patrol;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import org.springframework.web.bind.annotation.RequestParam;
import org.tanchang.grid.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tanchang.grid.contracts.patrol.PatrolReportFileAttached;
import org.tanchang.grid.platform.audit.AuditOperation;
import org.tanchang.grid.platform.files.FileEndpoints;
import org.tanchang.grid.platform.files.FileKinds;
import org.tanchang.grid.platform.files.FileView;
import org.tanchang.grid.platform.files.ServesFile;
import org.tanchang.grid.platform.files.UploadsFile;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.time.Times;

/**
 * Photos of a patrol report's findings (a hazard, a dispute seen on the round). Whoever may read the report reads
 * its photos; those who patrol (grid members, auxiliary police, police) add them in their own area.
 */
@RestController
@RequestMapping("/api/patrol-reports/{id}/files")
@Tag(name = "Patrol report files", description = "Photos of what a patrol found, stored with its report")
class PatrolReportFilesController {

    private final PatrolReports reports;
    private final FileEndpoints files;
    private final Outbox outbox;

    PatrolReportFilesController(PatrolReports reports, FileEndpoints files, Outbox outbox) {
        this.reports = reports;
        this.files = files;
        this.outbox = outbox;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER})
    @AuditOperation("patrol-report.attach-file")
    @UploadsFile(FileKinds.PHOTO)
    @Operation(operationId = "attachPatrolReportFile", summary = "Attach a photo to a patrol report",
            description = "Stores the photo with the report and announces it as PatrolReportFileAttached (by id).")
    @ApiResponse(responseCode = "201", description = "Stored",
            headers = @Header(name = "Location", description = "URL of the file's bytes",
                    schema = @Schema(type = "string", format = "uri-reference")))
    ResponseEntity<FileView> attach(Caller caller, @PathVariable String id, @RequestPart("file") MultipartFile file) {
        return files.upload(caller, matter(caller, id), FileKinds.PHOTO, file, f -> outbox.event(
                PatrolReportFileAttached.TYPE, id, new PatrolReportFileAttached(id, f.gridCode(), f.reference(),
                        Times.local(f.uploadedAt()))));
    }

    @GetMapping
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listPatrolReportFiles", summary = "List a patrol report's photos",
            description = "Oldest first, if the report's grid lies in the caller's area (else 404).")
    @ApiResponse(responseCode = "200", description = "The files")
    Page<FileView> list(Caller caller, @PathVariable String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return files.list(matter(caller, id), page, size);
    }

    @GetMapping("/{fileId}")
    @Allowed({Roles.GRID_MEMBER, Roles.AUXILIARY_OFFICER, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN})
    @ServesFile
    @Operation(operationId = "getPatrolReportFile", summary = "Read a patrol report's photo",
            description = "The bytes as an attachment, if the report's grid lies in the caller's area (else 404).")
    ResponseEntity<Resource> read(Caller caller, @PathVariable String id, @PathVariable String fileId) {
        return files.download(matter(caller, id), fileId);
    }

    private FileEndpoints.Matter matter(Caller caller, String id) {
        PatrolReport report = reports.find(caller, id);
        return new FileEndpoints.Matter("patrol-report", report.id, report.gridCode,
                "/api/patrol-reports/" + id + "/files");
    }
}
