package org.tanchang.grid.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChineseIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    /**
     * The check character computed here from the standard's definition, independently of the production code:
     * check = (12 - (Σ a_i · 2^(18-i) mod 11)) mod 11, position i = 1..17 from the left, 10 written X.
     */
    private static String withCheck(String first17) {
        int sum = 0;
        for (int i = 1; i <= 17; i++) {
            int weight = (1 << (18 - i)) % 11;
            sum += (first17.charAt(i - 1) - '0') * weight;
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : Integer.toString(check));
    }

    private static org.tanchang.grid.platform.personaldata.Validation<ChineseIdNumber> check(String s) {
        return ChineseIdNumber.check(s, TODAY);
    }

    @Test
    void theStandardsExampleIsValid() {
        assertThat(withCheck("11010519491231002")).isEqualTo("11010519491231002X");
        var v = check("11010519491231002X");
        assertThat(v.valid()).isTrue();
        assertThat(v.reason()).isNull();
        assertThat(v.value().birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(v.value().gender()).isEqualTo(Gender.FEMALE);
        assertThat(v.value().addressCode()).isEqualTo("110105");
    }

    @Test
    void numbersWithComputedCheckCharactersAreValid() {
        for (String first17 : new String[] {"62122319800101123", "44030720000229001", "65010219001231005",
                "81000019900615004", "50010120260601777"}) {
            String id = withCheck(first17);
            assertThat(check(id).valid()).as(id).isTrue();
            assertThat(ChineseIdNumber.checkCharacter(first17)).isEqualTo(id.charAt(17));
        }
        ChineseIdNumber man = check(withCheck("62122319800101123")).value();
        assertThat(man.gender()).isEqualTo(Gender.MALE);
        assertThat(man.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
        assertThat(man.residencePermit()).isFalse();
        assertThat(check(withCheck("81000019900615004")).value().residencePermit()).isTrue();
    }

    @Test
    void lowerCaseXIsAcceptedAndNormalised() {
        var v = check("11010519491231002x");
        assertThat(v.valid()).isTrue();
        assertThat(v.value().value()).isEqualTo("11010519491231002X");
        assertThat(check(" 11010519491231002X ").valid()).isTrue();
        assertThat(check("１１０１０５１９４９１２３１００２ｘ").value().value()).isEqualTo("11010519491231002X");
        assertThat(ChineseIdNumber.normalise(" 11010519491231002x")).isEqualTo("11010519491231002X");
    }

    @Test
    void aWrongCheckCharacterIsRejected() {
        var v = check("110105194912310021");
        assertThat(v.valid()).isFalse();
        assertThat(v.value()).isNull();
        assertThat(v.reason()).contains("check character");
        // a single mistyped digit is always caught
        assertThat(check("11010519491231003X").reason()).contains("check character");
    }

    @Test
    void impossibleAndOutOfRangeDatesAreRejected() {
        assertThat(check(withCheck("11010519490230002")).reason()).contains("not a real date");
        assertThat(check(withCheck("11010520250229002")).reason()).contains("not a real date");
        assertThat(check(withCheck("11010520240229002")).valid()).isTrue();
        assertThat(check(withCheck("11010519001301002")).reason()).contains("not a real date");
        assertThat(check(withCheck("11010520991231002")).reason()).contains("future");
        assertThat(check(withCheck("11010520260602002")).reason()).contains("future");
        assertThat(check(withCheck("11010518991231002")).reason()).contains("before 1900");
        assertThat(check(withCheck("11010519000101002")).valid()).isTrue();
    }

    @Test
    void theDefaultTodayIsUsedWhenNoneIsGiven() {
        assertThat(ChineseIdNumber.check(withCheck("11010520991231002")).reason()).contains("future");
        assertThat(ChineseIdNumber.check("11010519491231002X").valid()).isTrue();
    }

    @Test
    void legacyFifteenDigitNumbersAreRejectedWithTheirOwnReason() {
        assertThat(check("110105491231002").reason()).contains("15-digit");
    }

    @Test
    void wrongLengthLettersAndProvincesAreRejected() {
        assertThat(check("").reason()).contains("18 characters");
        assertThat(check("11010519491231002").reason()).contains("18 characters");
        assertThat(check("11010519491231002X1").reason()).contains("18 characters");
        assertThat(check(null).reason()).contains("required");
        assertThat(check("1101051949123100AX").reason()).contains("digits");
        assertThat(check("11010519491231002Y").reason()).contains("digit or X");
        assertThat(check(withCheck("99010519491231002")).reason()).contains("province");
        assertThat(check(withCheck("71010519491231002")).reason()).contains("province");
        assertThat(check(withCheck("00010519491231002")).reason()).contains("province");
    }

    @Test
    void reasonsAndToStringNeverRepeatTheNumber() {
        assertThat(check("110105194912310021").reason()).doesNotContain("1949");
        assertThat(ChineseIdNumber.parse("11010519491231002X")).hasToString("110105********002X");
        assertThatThrownBy(() -> ChineseIdNumber.parse("110105194912310021"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check character");
    }

    record Resident(@IdNumber String idNumber, @Mobile String phone) {
    }

    @Test
    void theConstraintsReportTheSpecificReasonAndAcceptNull() {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();
            assertThat(validator.validate(new Resident(null, null))).isEmpty();
            assertThat(validator.validate(new Resident("11010519491231002x", "+86 138-0013-8000"))).isEmpty();
            var violations = validator.validate(new Resident("110105491231002", "12345"));
            assertThat(violations).extracting(v -> v.getPropertyPath().toString() + ": " + v.getMessage())
                    .containsExactlyInAnyOrder(
                            "idNumber: " + check("110105491231002").reason(),
                            "phone: " + MobileNumber.check("12345").reason());
        }
    }
}
