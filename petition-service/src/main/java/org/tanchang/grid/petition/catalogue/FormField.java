package org.tanchang.grid.petition.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.DateTimeException;
import java.time.LocalDate;

/** One field of an item's application form; answers are strings checked against the type. */
@Schema(name = "FormField", description = "A field of an application form")
public record FormField(
        @Schema(description = "Field name, camelCase", example = "childName")
        @NotNull @Pattern(regexp = "[a-z][A-Za-z0-9]{0,39}") String name,
        @Schema(example = "TEXT") @NotNull FieldType type,
        @Schema(example = "true") boolean required,
        @Schema(description = "Label on the form", example = "新生儿姓名") @NotBlank String label) {

    /** What an answer must look like. */
    public enum FieldType {
        TEXT, DATE, NUMBER, BOOLEAN;

        /** Whether {@code answer} is a valid value of this type (TEXT: up to 500 characters). */
        public boolean accepts(String answer) {
            return switch (this) {
                case TEXT -> !answer.isBlank() && answer.length() <= 500;
                case DATE -> answer.matches("\\d{4}-\\d{2}-\\d{2}") && parses(answer);
                case NUMBER -> answer.matches("-?\\d{1,9}(\\.\\d{1,6})?");
                case BOOLEAN -> answer.equals("true") || answer.equals("false");
            };
        }

        private static boolean parses(String date) {
            try {
                LocalDate.parse(date);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
