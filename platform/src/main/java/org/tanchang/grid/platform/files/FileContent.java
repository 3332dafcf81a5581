package org.tanchang.grid.platform.files;

/** A stored file with its bytes, as read back. */
public record FileContent(StoredFile file, byte[] bytes) {
}
