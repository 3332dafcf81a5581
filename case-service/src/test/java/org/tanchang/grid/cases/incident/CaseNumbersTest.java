package org.tanchang.grid.cases.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseNumbersTest {

    /** The zone {@code tanchang.zone} names (the Clock bean's zone). */
    private static final ZoneId TANCHANG = ZoneId.of("Asia/Shanghai");

    @Test
    void aCaseNumberIsTheCountyCodeTheDayAndAFiveDigitSequence() {
        assertThat(CaseNumbers.format(LocalDate.of(2026, 11, 29), 1)).isEqualTo("621223-20261129-00001");
        assertThat(CaseNumbers.format(LocalDate.of(2026, 1, 5), 4321)).isEqualTo("621223-20260105-04321");
        assertThat(CaseNumbers.format(LocalDate.of(2026, 12, 31), 99_999)).isEqualTo("621223-20261231-99999");
        assertThat(CaseNumbers.format(LocalDate.of(2026, 11, 29), 1)).matches("621223-\\d{8}-\\d{5}");
    }

    @Test
    void theDayIsTheCountysDayNotUtcs() {
        // 23:30 UTC on the 28th is 07:30 on the 29th in Tanchang; 15:59 UTC is still the 29th there
        assertThat(CaseNumbers.dayOf(Instant.parse("2026-11-28T23:30:00Z"), TANCHANG)).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(CaseNumbers.dayOf(Instant.parse("2026-11-29T15:59:59Z"), TANCHANG)).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(CaseNumbers.dayOf(Instant.parse("2026-11-29T16:00:00Z"), TANCHANG)).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void numbersSortAsTextInOrderOfRegistration() {
        List<String> inOrder = List.of(
                CaseNumbers.format(LocalDate.of(2026, 11, 28), 120),
                CaseNumbers.format(LocalDate.of(2026, 11, 29), 9),
                CaseNumbers.format(LocalDate.of(2026, 11, 29), 10),
                CaseNumbers.format(LocalDate.of(2026, 12, 1), 1));
        List<String> sorted = new ArrayList<>(inOrder);
        sorted.sort(null);
        assertThat(sorted).isEqualTo(inOrder);
    }

    @Test
    void sequencesStartAtOne() {
        assertThatThrownBy(() -> CaseNumbers.format(LocalDate.of(2026, 11, 29), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
