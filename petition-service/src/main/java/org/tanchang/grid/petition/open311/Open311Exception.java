package org.tanchang.grid.petition.open311;

import org.springframework.http.HttpStatus;

/** An error of the facade itself, written as Open311 errors by {@link Open311Errors}. */
class Open311Exception extends RuntimeException {

    final HttpStatus status;

    Open311Exception(HttpStatus status, String description) {
        super(description);
        this.status = status;
    }

    static Open311Exception badRequest(String description) {
        return new Open311Exception(HttpStatus.BAD_REQUEST, description);
    }

    /** The specification's 404 for a service_code it does not know, on the definition and on POST. */
    static Open311Exception unknownService(String code) {
        return new Open311Exception(HttpStatus.NOT_FOUND, "service_code " + code + " is not an active service");
    }
}
