package org.tanchang.grid.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class TemplatesTest {

    final Templates templates = new Templates(new ClassPathResource("notification-templates.yml"), "zh-CN");

    @Test
    void rendersPerLanguageAndFallsBackToTheDefault() {
        Map<String, Object> model = MessageModel.of(Map.of("number", "621223-QZ-20260512-0004",
                "missingMaterials", List.of("户口簿原件", "近期免冠照片")));

        assertThat(templates.render("REQUEST_INCOMPLETE", "zh-CN", model).body())
                .startsWith("办件621223-QZ-20260512-0004尚缺材料：户口簿原件、近期免冠照片。");
        assertThat(templates.render("REQUEST_INCOMPLETE", "en", model).title())
                .isEqualTo("Your request needs more documents");
        assertThat(templates.render("REQUEST_INCOMPLETE", "bo", model).title()).isEqualTo("您的申请材料需要补正");
    }

    @Test
    void timesAreShownInCountyTimeAndPersonalDataMasked() {
        Map<String, Object> model = MessageModel.of(Map.of("caseNumber", "621223-20260512-0007",
                "at", "2026-05-12T02:15:00Z", "remark", "联系人手机 +86 138-9391-2345，身份证号 62122319800101123x"));

        Templates.Message m = templates.render("CASE_CLOSED", "zh-CN", model);

        assertThat(m.body()).contains("已于2026-05-12 10:15办结", "138****2345", "621223********123X")
                .doesNotContain("9391", "19800101");
    }

    @Test
    void everyKindOfTheRulesHasBothLanguages() {
        for (String kind : List.of("PATROL_REPORT_SUBMITTED", "CASE_ACCEPTED", "CASE_DISPATCHED", "CASE_ASSIGNED",
                "CASE_CLOSED", "LOST_ITEM_MATCHED", "LOST_ITEM_RETURNED", "FOLLOW_UP_DUE_TOMORROW", "FOLLOW_UP_DUE_TODAY",
                "DISPUTE_ESCALATED", "CASE_DEADLINE_APPROACHING", "CASE_OVERDUE", "REQUEST_DEADLINE_APPROACHING",
                "REQUEST_OVERDUE", "REQUEST_INCOMPLETE", "REQUEST_COMPLETED", "CHECKPOINT_MISSED",
                "CARE_VISIT_MISSED")) {
            Templates.Message zh = templates.render(kind, "zh-CN", Map.of("gridCode", "621223101001001"));
            Templates.Message en = templates.render(kind, "en", Map.of("gridCode", "621223101001001"));
            assertThat(zh.title()).as(kind).isNotBlank().isNotEqualTo(en.title());
            assertThat(en.body()).as(kind).isNotBlank();
        }
    }
}
