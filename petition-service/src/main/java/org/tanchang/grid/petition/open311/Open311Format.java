package org.tanchang.grid.petition.open311;

import org.springframework.http.MediaType;

/** The two formats of Open311, chosen by the path's extension as the specification does (services.json). */
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

    /** The format of a request to the facade, from the extension of its last path segment. */
    static Open311Format ofPath(String uri) {
        return uri != null && uri.endsWith(".xml") ? XML : JSON;
    }
}
