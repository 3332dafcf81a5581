package org.tanchang.grid.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataScrubberTest {

    @Test
    void masksIdNumbersAndMobilesInFreeText() {
        assertThat(PersonalDataScrubber.scrub("身份证110105194912310021，电话13800138000。"))
                .isEqualTo("身份证110105********0021，电话138****8000。");
        assertThat(PersonalDataScrubber.scrub("tel +86 138 0013 8000 / 86-13800138000"))
                .isEqualTo("tel 138****8000 / 138****8000");
    }

    @Test
    void leavesCaseNumbersGridCodesAndLongerNumbersAlone() {
        String text = "案件621223-20260512-0007，网格621223101001001，单号12345678901234567890";
        assertThat(PersonalDataScrubber.scrub(text)).isEqualTo(text);
    }
}
