package org.tanchang.grid.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * Compares a workflow table with its reviewed listing, {@code src/test/resources/workflows/<name>.txt}: the listing is
 * written by a person reading the procedure, so a wrong row in the table fails here instead of being confirmed by a
 * test that reads its expectations from the same table. {@code -Dworkflows.update=true} rewrites the listing from the
 * table, for a change that is then reviewed as a diff.
 */
public final class WorkflowListing {

    private WorkflowListing() {
    }

    public static void assertMatchesReviewedListing(Workflow<?> table) {
        Path listing = Path.of("src/test/resources/workflows", table.name() + ".txt");
        try {
            if (Boolean.getBoolean("workflows.update")) {
                Files.createDirectories(listing.getParent());
                Files.writeString(listing, table.listing(), StandardCharsets.UTF_8);
            }
            assertThat(listing).as("the reviewed listing of %s (write it with -Dworkflows.update=true, then review "
                    + "the diff)", table).exists();
            assertThat(table.listing()).as("%s differs from its reviewed listing %s", table, listing)
                    .isEqualTo(Files.readString(listing, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
