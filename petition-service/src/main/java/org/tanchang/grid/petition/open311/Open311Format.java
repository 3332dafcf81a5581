package org.tanchang.grid.petition.open311;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The two formats of Open311, chosen by the path's extension as the specification does (services.json), whatever
 * the Accept header says.
 */
enum Open311Format {
    JSON(MediaType.APPLICATION_JSON), XML(MediaType.APPLICATION_XML);

    /** The path pattern's variable: only these two extensions route to the facade. */
    static final String PATTERN = "{format:json|xml}";

    final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static Open311Format of(String extension) {
        return "xml".equals(extension) ? XML : JSON;
    }

    /** A document in this format: its Content-Type chooses Spring MVC's converter (JSON, or {@link Open311Xml}). */
    <T> ResponseEntity<T> answer(HttpStatusCode status, T document) {
        return ResponseEntity.status(status).contentType(mediaType).body(document);
    }

    /** The format of a request to the facade, from the extension of its last path segment. */
    static Open311Format ofPath(String uri) {
        return uri != null && uri.endsWith(".xml") ? XML : JSON;
    }
}
