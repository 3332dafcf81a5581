package org.tanchang.grid.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request the gateway refuses as malformed before routing, with a fixed detail that tells the client why. */
class RejectedRequestException extends ResponseStatusException {

    private final String detail;

    RejectedRequestException(String detail) {
        super(HttpStatus.BAD_REQUEST);
        this.detail = detail;
    }

    String detail() {
        return detail;
    }
}
