package org.tanchang.grid.platform.files;

import org.springframework.core.io.InputStreamSource;

/**
 * One file to store for a matter. {@code declaredType} is what the client said (the part's Content-Type), only
 * compared with what the bytes are; {@code size} is the declared length, checked before anything is read;
 * {@code uploadedBy} comes from the token.
 */
public record FileUpload(String kind, String matterType, String matterId, String gridCode, String uploadedBy,
        String declaredType, long size, InputStreamSource content) {
}
