package org.tanchang.grid.contracts.files;

/**
 * A file stored for a matter, referred to by id (its bytes are never in an event): read it from the matter's
 * {@code /files/{fileId}} endpoint with the matter's own access. {@code mediaType} is what the bytes are (sniffed),
 * {@code kind} one of photo, evidence, material; {@code sha256} of the stored bytes.
 */
public record AttachedFile(String fileId, String kind, String mediaType, long size, String sha256) {
}
