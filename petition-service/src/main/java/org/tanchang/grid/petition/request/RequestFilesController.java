package org.tanchang.grid.petition.request;

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
import org.tanchang.grid.contracts.petition.RequestFileAttached;
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
 * A service request's materials (certificates, forms, photos). The applicant and the window that handles the
 * request add them, as they may resubmit materials; whoever may read the request reads them.
 */
@RestController
@RequestMapping("/api/service-requests/{id}/files")
@Tag(name = "Request materials", description = "Files of the materials a request needs, stored with it")
class RequestFilesController {

    private final RequestStore store;
    private final FileEndpoints files;
    private final Outbox outbox;

    RequestFilesController(RequestStore store, FileEndpoints files, Outbox outbox) {
        this.store = store;
        this.files = files;
        this.outbox = outbox;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Allowed({Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR})
    @AuditOperation("service-request.attach-file")
    @UploadsFile(FileKinds.MATERIAL)
    @Operation(operationId = "attachServiceRequestFile", summary = "Attach a material file",
            description = "By the applicant or the handling window; announced as RequestFileAttached (by id).")
    @ApiResponse(responseCode = "201", description = "Stored",
            headers = @Header(name = "Location", description = "URL of the file's bytes",
                    schema = @Schema(type = "string", format = "uri-reference")))
    ResponseEntity<FileView> attach(Caller caller, @PathVariable String id, @RequestPart("file") MultipartFile file) {
        return files.upload(caller, matter(store.getToAct(caller, id)), FileKinds.MATERIAL, file, f -> outbox.event(
                RequestFileAttached.TYPE, id, new RequestFileAttached(id, f.gridCode(), f.reference(),
                        Times.local(f.uploadedAt()))));
    }

    @GetMapping
    @Allowed({Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listServiceRequestFiles", summary = "List a request's material files",
            description = "Oldest first, for whoever may read the request (else 404).")
    @ApiResponse(responseCode = "200", description = "The files")
    Page<FileView> list(Caller caller, @PathVariable String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return files.list(matter(store.get(caller, id)), page, size);
    }

    @GetMapping("/{fileId}")
    @Allowed({Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.ADMIN})
    @ServesFile
    @Operation(operationId = "getServiceRequestFile", summary = "Read a request's material file",
            description = "The bytes as an attachment, for whoever may read the request (else 404).")
    ResponseEntity<Resource> read(Caller caller, @PathVariable String id, @PathVariable String fileId) {
        return files.download(matter(store.get(caller, id)), fileId);
    }

    private static FileEndpoints.Matter matter(ServiceRequest request) {
        return new FileEndpoints.Matter("service-request", request.id,
                request.gridCode != null ? request.gridCode : request.windowCode,
                "/api/service-requests/" + request.id + "/files");
    }
}
