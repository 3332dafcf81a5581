package org.tanchang.grid.petition.catalogue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.workflow.TimeLimit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the catalogue from {@code tanchang.catalogue.seed} on every start, before the service reports ready. Each
 * item is an upsert keyed by its code, so starting again, or several instances starting at once, never duplicates
 * an item, and a change to the file reaches the database on the next start. The file is the source of truth until
 * the catalogue gets an editing API; an item removed from the file stays in the database (requests may refer to
 * it) and is retired by setting {@code "active": false} instead.
 */
@Component
class CatalogueSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeder.class);

    /** Instant items (即办件) are finished while the citizen waits: the seed's service level is five minutes. */
    static final Duration INSTANT_LIMIT = Duration.ofMinutes(5);

    /** A strict reader: a misspelt field in the file fails the start instead of silently dropping a value. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record CatalogueFile(@NotNull List<@NotNull @Valid SeedItem> items) {
    }

    record SeedItem(
            @NotNull @Pattern(regexp = "[A-Z]{2}(-[A-Z0-9]+)+") String code,
            @NotBlank String nameZh,
            @NotBlank String nameEn,
            @NotNull ServiceCategory category,
            @NotNull List<@NotBlank String> requiredMaterials,
            @NotBlank String responsibleUnit,
            @NotNull Boolean instant,
            @NotBlank String firstResponseLimit,
            @NotBlank String promisedTimeLimit,
            @NotNull List<@NotNull @Valid FormField> formFields,
            @NotNull Boolean online,
            @NotNull Boolean active) {
    }

    private final MongoOperations mongo;
    private final Validator validator;
    private final Resource seed;
    private final Catalogue catalogue;

    CatalogueSeeder(MongoOperations mongo, Validator validator, @Value("${tanchang.catalogue.seed}") Resource seed,
            Catalogue catalogue) {
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.validator = validator;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Service catalogue seeded with {} items from {}", seed(), seed.getDescription());
    }

    /** Reads and checks the whole file first, then upserts each item; returns how many items the file has. */
    int seed() {
        List<SeedItem> items = read();
        for (SeedItem item : items) {
            upsert(item);
        }
        catalogue.forget();
        return items.size();
    }

    private void upsert(SeedItem item) {
        Query byCode = Query.query(Criteria.where("_id").is(item.code()));
        Update fields = new Update()
                .set("nameZh", item.nameZh())
                .set("nameEn", item.nameEn())
                .set("category", item.category())
                .set("requiredMaterials", item.requiredMaterials())
                .set("responsibleUnit", item.responsibleUnit())
                .set("instant", item.instant())
                .set("firstResponseLimit", item.firstResponseLimit())
                .set("promisedTimeLimit", item.promisedTimeLimit())
                .set("formFields", item.formFields())
                .set("online", item.online())
                .set("active", item.active());
        try {
            mongo.upsert(byCode, fields, ServiceItem.class);
        } catch (DuplicateKeyException anotherInstanceInsertedIt) {
            // two instances upserted the same new code at once; the item exists now, so this is a plain update
            mongo.upsert(byCode, fields, ServiceItem.class);
        }
    }

    private List<SeedItem> read() {
        CatalogueFile file;
        try (InputStream in = seed.getInputStream()) {
            file = JSON.readValue(in, CatalogueFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service catalogue " + seed.getDescription(), e);
        } catch (JacksonException e) {
            throw new IllegalStateException("the service catalogue " + seed.getDescription() + " is not valid: "
                    + e.getOriginalMessage(), e);
        }
        if (file == null) {
            throw new IllegalStateException("the service catalogue " + seed.getDescription() + " is empty");
        }
        Set<String> problems = validator.validate(file).stream()
                .map(CatalogueSeeder::describe).collect(Collectors.toCollection(TreeSet::new));
        Set<String> codes = new HashSet<>();
        for (SeedItem item : file.items() == null ? List.<SeedItem>of() : file.items()) {
            if (item == null) {
                continue;
            }
            if (item.code() != null && !codes.add(item.code())) {
                problems.add(item.code() + ": code appears twice");
            }
            problems.addAll(timeLimitProblems(item));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the service catalogue " + seed.getDescription() + " is not valid: "
                    + String.join("; ", problems));
        }
        return file.items();
    }

    static List<String> timeLimitProblems(SeedItem item) {
        List<String> problems = new ArrayList<>();
        TimeLimit completion = parse(item.code(), "promisedTimeLimit", item.promisedTimeLimit(), problems);
        TimeLimit response = parse(item.code(), "firstResponseLimit", item.firstResponseLimit(), problems);
        if (response != null && response.clock() == null) {
            problems.add(item.code() + ": firstResponseLimit is clock time such as PT30S");
        }
        if (completion != null && Boolean.TRUE.equals(item.instant())
                && (completion.clock() == null || completion.clock().compareTo(INSTANT_LIMIT) > 0)) {
            problems.add(item.code() + ": an instant item promises at most " + INSTANT_LIMIT);
        }
        return problems;
    }

    private static TimeLimit parse(String code, String field, String text, List<String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return TimeLimit.parse(text);
        } catch (RuntimeException e) {
            problems.add(code + ": " + field + " is not a time limit such as PT5M or 15WD");
            return null;
        }
    }

    /** Keeps the validator's messages readable in the start-up failure. */
    private static String describe(ConstraintViolation<?> violation) {
        return violation.getPropertyPath() + " " + violation.getMessage();
    }
}
