package org.tanchang.grid.auth.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.auth.admin.ClientRequests.ClientView;
import org.tanchang.grid.auth.admin.ClientRequests.Register;
import org.tanchang.grid.auth.admin.ClientRequests.WithSecret;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;

/** System clients (other agencies' systems), registered by the county's admin. */
@RestController
@RequestMapping("/api/admin/clients")
@Tag(name = "System clients", description = "Other systems that call the suite with client credentials: their "
        + "scopes, areas and secret")
class ClientController {

    private final SystemClients clients;

    ClientController(SystemClients clients) {
        this.clients = clients;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "registerSystemClient", summary = "Register a system client",
            description = "client_credentials only, with scopes from the services' list (<domain>.read, "
                    + "<domain>.write) and area codes inside the admin's scope. The generated secret is returned "
                    + "this once. 409 when the client id is taken.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"clientId":"wuhai-police","name":"乌海市公安局户政","scopes":["petition.read"],"areaCodes":["621223"]}""")))
    @ApiResponse(responseCode = "201", description = "The client and its secret, shown once")
    @ApiResponse(responseCode = "400", description = "Invalid id, scope or area codes; nothing is stored")
    @ApiResponse(responseCode = "409", description = "The client id is taken")
    WithSecret register(Caller caller, @Valid @RequestBody Register request) {
        return clients.register(caller, request);
    }

    @GetMapping("/{clientId}")
    @Allowed({Roles.ADMIN, Roles.SUPERVISOR})
    @Operation(operationId = "getSystemClient", summary = "Get a system client",
            description = "Its name, scopes, areas and whether it may get tokens; never its secret.")
    ClientView get(Caller caller, @PathVariable String clientId) {
        return clients.get(caller, clientId);
    }

    @PostMapping("/{clientId}/secret-rotation")
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "rotateSystemClientSecret", summary = "Rotate the secret",
            description = "A new secret, returned this once; the old one is refused from now on (and a disabled "
                    + "client is enabled again by its new secret).")
    WithSecret rotate(Caller caller, @PathVariable String clientId) {
        return clients.rotateSecret(caller, clientId);
    }

    @PostMapping("/{clientId}/disable")
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "disableSystemClient", summary = "Disable a system client",
            description = "Its secret expires now: token requests are refused, tokens already issued run out "
                    + "within their lifetime. The registration stays for the record.")
    ClientView disable(Caller caller, @PathVariable String clientId) {
        return clients.disable(caller, clientId);
    }
}
