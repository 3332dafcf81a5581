package org.tanchang.grid.cases.incident;

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
import org.tanchang.grid.contracts.incident.IncidentFileAttached;
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
 * An incident's evidence files. Staff who may read the incident read its files; the police of its area add them.
 * Citizens do not see evidence, not even of the incidents they reported (it may show other people).
 */
@RestController
@RequestMapping("/api/incidents/{id}/files")
@Tag(name = "Incident files", description = "Evidence photos and documents stored with the incident")
class IncidentFilesController {

    private final Incidents incidents;
    private final FileEndpoints files;
    private final Outbox outbox;

    IncidentFilesController(Incidents incidents, FileEndpoints files, Outbox outbox) {
        this.incidents = incidents;
        this.files = files;
        this.outbox = outbox;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @AuditOperation("incident.attach-file")
    @UploadsFile(FileKinds.EVIDENCE)
    @Operation(operationId = "attachIncidentFile", summary = "Attach an evidence file",
            description = "Stores the file with the incident and announces it as IncidentFileAttached (by id).")
    @ApiResponse(responseCode = "201", description = "Stored",
            headers = @Header(name = "Location", description = "URL of the file's bytes",
                    schema = @Schema(type = "string", format = "uri-reference")))
    ResponseEntity<FileView> attach(Caller caller, @PathVariable String id, @RequestPart("file") MultipartFile file) {
        return files.upload(caller, matter(caller, id), FileKinds.EVIDENCE, file, f -> outbox.event(
                IncidentFileAttached.TYPE, id, new IncidentFileAttached(id, f.gridCode(), f.reference(),
                        Times.local(f.uploadedAt()))));
    }

    @GetMapping
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listIncidentFiles", summary = "List an incident's files",
            description = "Oldest first, if the incident lies in the caller's area (else 404).")
    @ApiResponse(responseCode = "200", description = "The files")
    Page<FileView> list(Caller caller, @PathVariable String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return files.list(matter(caller, id), page, size);
    }

    @GetMapping("/{fileId}")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.SUPERVISOR, Roles.ADMIN})
    @ServesFile
    @Operation(operationId = "getIncidentFile", summary = "Read an incident's file",
            description = "The bytes as an attachment, if the incident lies in the caller's area (else 404).")
    ResponseEntity<Resource> read(Caller caller, @PathVariable String id, @PathVariable String fileId) {
        return files.download(matter(caller, id), fileId);
    }

    private FileEndpoints.Matter matter(Caller caller, String id) {
        Incident incident = incidents.get(caller, id);
        return new FileEndpoints.Matter("incident", incident.id, incident.areaCode, "/api/incidents/" + id + "/files");
    }
}
