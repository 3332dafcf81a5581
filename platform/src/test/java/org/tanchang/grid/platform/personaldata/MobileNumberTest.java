package org.tanchang.grid.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MobileNumberTest {

    @Test
    void mainlandNumbersInTheFormsPeopleTypeAreValid() {
        for (String s : new String[] {"13800138000", "+8613800138000", "8613800138000", "+86 138 0013 8000",
                "138-0013-8000", " 19912345678 "}) {
            var v = MobileNumber.check(s);
            assertThat(v.valid()).as(s).isTrue();
        }
        assertThat(MobileNumber.parse("+86 138-0013-8000").value()).isEqualTo("13800138000");
        assertThat(MobileNumber.parse("19912345678").value()).isEqualTo("19912345678");
        assertThat(MobileNumber.parse("＋８６ １３８００１３８０００").value()).isEqualTo("13800138000");
        assertThat(MobileNumber.parse("13800138000")).hasToString("138****8000");
    }

    @Test
    void otherNumbersAreInvalid() {
        assertThat(MobileNumber.check(null).reason()).contains("required");
        assertThat(MobileNumber.check("1380013800").reason()).contains("11 digits");
        assertThat(MobileNumber.check("138001380001").reason()).contains("11 digits");
        assertThat(MobileNumber.check("1380013800a").reason()).contains("11 digits");
        assertThat(MobileNumber.check("12800138000").reason()).contains("13 to 19");
        assertThat(MobileNumber.check("23800138000").reason()).contains("13 to 19");
        assertThat(MobileNumber.check("+85291234567").valid()).isFalse();
        assertThat(MobileNumber.check("093912345678").valid()).isFalse();  // a landline with area code
    }
}
