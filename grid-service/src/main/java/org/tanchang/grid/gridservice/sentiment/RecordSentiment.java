package org.tanchang.grid.gridservice.sentiment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Mood;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Risk;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Source;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Topic;

@Schema(description = "Public sentiment heard in a grid (社情民意)")
record RecordSentiment(
        @Schema(example = "621223101001001") @NotNull @Pattern(regexp = "\\d{15}") String gridCode,
        @Schema(example = "HERB_TRADE") @NotNull Topic topic,
        @Schema(description = "The recorder's own words for the topic", example = "当归收购价压价")
        @Size(max = 50) String topicDetail,
        @Schema(example = "30") @NotNull @PositiveOrZero @Max(1_000_000) Integer peopleAffected,
        @Schema(example = "ANGRY") @NotNull Mood mood,
        @Schema(example = "HIGH") @NotNull Risk risk,
        @Schema(example = "药农对收购商联合压价不满，扬言集体到乡政府反映") @NotBlank @Size(max = 1000) String summary,
        @Schema(description = "WINDOW, VISIT or DIRECT; PATROL_FINDING is set by patrol reports only",
                example = "VISIT") @NotNull Source source) {

    /** A patrol finding opens its sentiment from the report's event; recording one by hand as such would count twice. */
    @Schema(hidden = true)
    @AssertFalse(message = "PATROL_FINDING is recorded from patrol reports; use WINDOW, VISIT or DIRECT")
    boolean isSourcePatrolFinding() {
        return source == Source.PATROL_FINDING;
    }
}
