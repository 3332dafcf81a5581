package org.tanchang.grid.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares a workflow table's listing ({@code Workflow#listing()}) with its reviewed copy, {@code src/test/resources/workflows/<name>.txt}: the listing is
 * written by a person reading the procedure, so a wrong row in the table fails here instead of being confirmed by a
 * test that reads its expectations from the same table. {@code -Dworkflows.update=true} rewrites the listing from the
 * table, for a change that is then reviewed as a diff.
 */
public final class WorkflowListing {

    private WorkflowListing() {
    }

    /** Call as {@code assertMatchesReviewedListing(TABLE.name(), TABLE.listing())}. */
    public static void assertMatchesReviewedListing(String name, String tableListing) {
        Path listing = Path.of("src/test/resources/workflows", name + ".txt");
        try {
            if (Boolean.getBoolean("workflows.update")) {
                Files.createDirectories(listing.getParent());
                Files.writeString(listing, tableListing, StandardCharsets.UTF_8);
            }
            assertThat(listing).as("the reviewed listing of workflow %s (write it with -Dworkflows.update=true, then "
                    + "review the diff)", name).exists();
            assertThat(tableListing).as("workflow %s differs from its reviewed listing %s", name, listing)
                    .isEqualTo(Files.readString(listing, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
