package org.tanchang.grid.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void idNumbersKeepTheAddressCodeAndTheLastFour() {
        assertThat(Masking.idNumber("110105194912310021")).isEqualTo("110105********0021");
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(Masking.idNumber("1234")).isEqualTo("****");
        assertThat(Masking.idNumber(null)).isNull();
    }

    @Test
    void mobilesKeepThreeAndFour() {
        assertThat(Masking.mobile("13800138000")).isEqualTo("138****8000");
        assertThat(Masking.mobile("+86 138-0013-8000")).isEqualTo("138****8000");
        assertThat(Masking.mobile(null)).isNull();
    }

    @Test
    void namesKeepTheSurname() {
        assertThat(Masking.name("李德明")).isEqualTo("李**");
        assertThat(Masking.name("李明")).isEqualTo("李*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("李")).isEqualTo("*");
        // a character outside the BMP (two UTF-16 units) counts once
        assertThat(Masking.name("𠮷德明")).isEqualTo("𠮷**");
        assertThat(Masking.name("王𠮷")).isEqualTo("王*");
    }

    @Test
    void addressesKeepTheAdministrativePart() {
        assertThat(Masking.address("宕昌县理川镇杨家村三组12号")).isEqualTo("宕昌县理川镇****");
        assertThat(Masking.address("甘肃省陇南市宕昌县理川镇杨家村三组12号", 9)).isEqualTo("甘肃省陇南市宕昌县****");
        // never more than half of a short address
        assertThat(Masking.address("杨家村三组")).isEqualTo("杨家****");
        assertThat(Masking.address("")).isEqualTo("****");
        assertThat(Masking.address(null)).isNull();
    }

    @Test
    void maskersNormaliseBeforeMasking() {
        assertThat(Masker.ID_NUMBER.mask(Masker.ID_NUMBER.normalise("11010519491231002x")))
                .isEqualTo("110105********002X");
        assertThat(Masker.MOBILE.normalise("+86 138 0013 8000")).isEqualTo("13800138000");
        assertThat(Masker.HIDDEN.mask("anything")).isEqualTo("****");
    }
}
