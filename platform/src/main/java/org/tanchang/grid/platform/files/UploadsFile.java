package org.tanchang.grid.platform.files;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that stores a multipart {@code file} for a matter: its OpenAPI operation gets the file problems
 * (413 too large, 415 content not allowed, 422 declared type differs or location cannot be removed) with examples,
 * and the limits of its kind in the description.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UploadsFile {

    /** The kind in {@code tanchang.files.kinds} ({@link FileKinds}). */
    String value();
}
