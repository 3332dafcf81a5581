package org.tanchang.grid.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FreeTextTest {

    @Test
    void masksIdNumbersAndMobilesInFreeText() {
        assertThat(FreeText.scrub("身份证110105194912310021，电话13800138000。"))
                .isEqualTo("身份证110105********0021，电话138****8000。");
        assertThat(FreeText.scrub("王某（身份证110105194901020123，电话13893912345）"))
                .isEqualTo("王某（身份证110105********0123，电话138****2345）");
    }

    @Test
    void masksIdNumbersEndingInX() {
        assertThat(FreeText.scrub("证号11010519491231002X号")).isEqualTo("证号110105********002X号");
        assertThat(FreeText.scrub("证号11010519491231002x")).isEqualTo("证号110105********002X");
    }

    @Test
    void masksFullWidthDigitsAsTypedWithChineseInputMethods() {
        assertThat(FreeText.scrub("身份证１１０１０５１９４９１２３１００２Ｘ，电话１３８００１３８０００"))
                .isEqualTo("身份证110105********002X，电话138****8000");
    }

    @Test
    void masksMobilesWithCountryPrefixBlanksAndHyphens() {
        assertThat(FreeText.scrub("tel +86 138 0013 8000 / 86-13800138000 / 138-0013-8000 / +8613800138000"))
                .isEqualTo("tel 138****8000 / 138****8000 / 138****8000 / 138****8000");
    }

    @Test
    void leavesFifteenDigitLegacyNumbersAloneBecauseGridCodesLookTheSame() {
        String text = "旧证号110105491231002，网格621223101001001";
        assertThat(FreeText.scrub(text)).isSameAs(text);
    }

    @Test
    void leavesNumbersInsideLongerDigitRunsAlone() {
        String text = "单号12345678901234567890，流水013800138000，编号9110105194912310021，卡号1380013800012";
        assertThat(FreeText.scrub(text)).isSameAs(text);
    }

    @Test
    void leavesCaseNumbersGridCodesAndOtherNumbersAlone() {
        String text = "案件621223-20260512-0007，网格621223101001001，座机0939-5521234，12345678901";
        assertThat(FreeText.scrub(text)).isSameAs(text);
    }

    @Test
    void returnsTextWithoutEitherAsTheSameInstance() {
        String text = "村道塌方，约3米，已设警示。";
        assertThat(FreeText.scrub(text)).isSameAs(text);
        assertThat(FreeText.scrub("")).isEmpty();
        assertThat(FreeText.scrub(null)).isNull();
    }

    @Test
    void scrubbingTwiceChangesNothingMore() {
        String once = FreeText.scrub("身份证110105194912310021，电话13800138000");
        assertThat(FreeText.scrub(once)).isSameAs(once);
    }

    @Test
    void publicTextAlsoLosesHouseNumbersButKeepsThePlace() {
        assertThat(FreeText.scrubPublic("失主住宕昌县城关镇人民路12号，电话13800138000"))
                .isEqualTo("失主住宕昌县城关镇人民路**号，电话138****8000");
        assertThat(FreeText.scrubPublic("杨家村3组15号")).isEqualTo("杨家村*组**号");
        assertThat(FreeText.scrubPublic("幸福小区5栋2单元301室")).isEqualTo("幸福小区*栋*单元***室");
        assertThat(FreeText.scrubPublic("新华街 8-2 号")).isEqualTo("新华街 *-* 号");
        assertThat(FreeText.scrubPublic("城关镇东街１２号")).isEqualTo("城关镇东街**号");
    }

    @Test
    void publicTextKeepsNumbersThatAreNoAddress() {
        String text = "11月28日在理川派出所失物保管柜3号，12月5号前认领，G212国道68公里处，网格621223101001001";
        assertThat(FreeText.scrubPublic(text)).isEqualTo(text);
        assertThat(FreeText.scrubPublic(null)).isNull();
    }

    @Test
    void eventTextKeepsAddressesForTheOfficialsWhoMustFindThePlace() {
        String text = "杨家村3组15号门前";
        assertThat(FreeText.scrub(text)).isSameAs(text);
    }
}
