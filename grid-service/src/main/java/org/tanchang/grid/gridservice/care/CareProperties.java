package org.tanchang.grid.gridservice.care;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.tanchang.grid.gridservice.household.CareTag;

/**
 * How often the people needing care are visited (结对关爱): days between visits per care tag, the most frequent need of
 * a household setting its plan's default; a plan may set its own. County policy, so configuration rather than code.
 *
 * @param frequencyDays        days between visits per care tag
 * @param defaultFrequencyDays for a tag without its own figure
 */
@ConfigurationProperties("tanchang.grid.care")
record CareProperties(Map<CareTag, Integer> frequencyDays, @DefaultValue("30") int defaultFrequencyDays) {

    CareProperties {
        frequencyDays = frequencyDays == null ? Map.of() : Map.copyOf(frequencyDays);
    }
}
