package org.tanchang.grid.platform.files;

/** The kinds of file named in {@code tanchang.files.kinds}; each has its own size limit and media types. */
public final class FileKinds {

    /** A photo taken on the spot (patrol findings, lost and found items): images only. */
    public static final String PHOTO = "photo";
    /** An incident's evidence: images and PDF. */
    public static final String EVIDENCE = "evidence";
    /** A service request's materials (certificates, forms): images and PDF. */
    public static final String MATERIAL = "material";

    private FileKinds() {
    }
}
