package org.tanchang.grid.platform.files;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that answers a stored file's bytes ({@link FileEndpoints#download}): its OpenAPI 200 lists the
 * media types files may have, as binary, with the attachment and nosniff headers.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ServesFile {
}
