package org.tanchang.grid.petition.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.http.MockHttpOutputMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * The XML bytes a client reads, as the facade's StAX writer wrote them before jackson-dataformat-xml took over (the
 * expected documents are that writer's output): the declaration in double quotes, Chinese text and characters outside
 * the BMP as they are, {@code <} {@code &} {@code >} escaped, every null field and empty list as
 * {@code <name></name>}.
 */
class Open311XmlTest {

    private final XmlMapper xml = Open311Xml.mapper();

    @Test
    void aRequestListKeepsItsElementsTextAndEmptyFields() {
        var request = new Open311Model.Request("req-1", "open", "SUBMITTED", "居民身份证申领/换领", "ID-APPLY",
                "身份证到期换领 <&> \"q\" 'a' ]]> é 😀", "宕昌县公安局各派出所户籍窗口", "办件编号 621223-SQ-20261207-00001，承诺时限 20WD",
                "2026-12-07T20:07:44.957+08:00", "2026-12-07T20:07:44.957+08:00", "2027-01-04T20:07:44.957+08:00",
                "宕昌县理川镇****", null, null, 34.047, 104.393, null);
        assertThat(xml.writeValueAsString(new Open311Model.Requests(List.of(request)))).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request><service_request_id>req-1"
                + "</service_request_id><status>open</status><status_notes>SUBMITTED</status_notes><service_name>"
                + "居民身份证申领/换领</service_name><service_code>ID-APPLY</service_code><description>身份证到期换领 "
                + "&lt;&amp;&gt; \"q\" 'a' ]]&gt; é 😀</description><agency_responsible>宕昌县公安局各派出所户籍窗口"
                + "</agency_responsible><service_notice>办件编号 621223-SQ-20261207-00001，承诺时限 20WD</service_notice>"
                + "<requested_datetime>2026-12-07T20:07:44.957+08:00</requested_datetime><updated_datetime>"
                + "2026-12-07T20:07:44.957+08:00</updated_datetime><expected_datetime>2027-01-04T20:07:44.957+08:00"
                + "</expected_datetime><address>宕昌县理川镇****</address><address_id></address_id><zipcode></zipcode>"
                + "<lat>34.047</lat><long>104.393</long><media_url></media_url></request></service_requests>");
        assertThat(xml.writeValueAsString(new Open311Model.Requests(List.of()))).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests></service_requests>");
    }

    @Test
    void aDefinitionWritesValuesForEveryAttributeEmptyWhenThereAreNone() {
        var definition = new Open311Model.ServiceDefinition("ID-APPLY", List.of(
                new Open311Model.Attribute(true, "gridCode", "string", false, "15 digits", 1, "所在网格编码", null),
                new Open311Model.Attribute(true, "expressDelivery", "singlevaluelist", false, null, 4, "邮寄送达",
                        List.of(new Open311Model.Value("true", "是"), new Open311Model.Value("false", "否")))));
        assertThat(xml.writeValueAsString(definition)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<service_definition><service_code>ID-APPLY</service_code><attributes><attribute><variable>true"
                + "</variable><code>gridCode</code><datatype>string</datatype><required>false</required>"
                + "<datatype_description>15 digits</datatype_description><order>1</order><description>所在网格编码"
                + "</description><values></values></attribute><attribute><variable>true</variable><code>"
                + "expressDelivery</code><datatype>singlevaluelist</datatype><required>false</required>"
                + "<datatype_description></datatype_description><order>4</order><description>邮寄送达</description>"
                + "<values><value><key>true</key><name>是</name></value><value><key>false</key><name>否</name></value>"
                + "</values></attribute></attributes></service_definition>");
    }

    @Test
    void createdServicesAndErrorsHaveTheSpecificationsRootAndEntryElements() {
        assertThat(xml.writeValueAsString(new Open311Model.CreatedRequests(List.of(
                new Open311Model.Created("req-1", "办件编号 621223-SQ-20261207-00001，承诺时限 20WD", null)))))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><service_requests><request>"
                        + "<service_request_id>req-1</service_request_id><service_notice>办件编号 "
                        + "621223-SQ-20261207-00001，承诺时限 20WD</service_notice><account_id></account_id></request>"
                        + "</service_requests>");
        assertThat(xml.writeValueAsString(new Open311Model.Services(List.of(new Open311Model.Service("EE-ENQUIRY",
                "出入境证件咨询", "Exit-entry documents enquiry", true, "realtime", "出入境证件咨询,EXIT_ENTRY",
                "EXIT_ENTRY"))))).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><services><service>"
                        + "<service_code>EE-ENQUIRY</service_code><service_name>出入境证件咨询</service_name><description>"
                        + "Exit-entry documents enquiry</description><metadata>true</metadata><type>realtime</type>"
                        + "<keywords>出入境证件咨询,EXIT_ENTRY</keywords><group>EXIT_ENTRY</group></service></services>");
        assertThat(xml.writeValueAsString(new Open311Model.Errors(List.of(
                new Open311Model.Error(404, "service_code XX-NONE is not an active service")))))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><errors><error><code>404</code><description>"
                        + "service_code XX-NONE is not an active service</description></error></errors>");
    }

    @Test
    void aPublicAnswerMaskedAsItsJsonTreeIsStillWrittenWithItsElements() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        var services = new Open311Model.Services(List.of(new Open311Model.Service("ZZ", "窗口 138****0000", "d", true,
                "realtime", "k", "G")));
        var output = new MockHttpOutputMessage();
        new Open311Xml.Converter(json).write(json.valueToTree(services), ResolvableType.forClass(
                Open311Model.Services.class), MediaType.APPLICATION_XML, output, Map.of());
        assertThat(output.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo("<?xml version=\"1.0\" "
                + "encoding=\"UTF-8\"?><services><service><service_code>ZZ</service_code><service_name>窗口 138****0000"
                + "</service_name><description>d</description><metadata>true</metadata><type>realtime</type><keywords>k"
                + "</keywords><group>G</group></service></services>");
    }

    @Test
    void onlyTheFacadesDocumentsAreWrittenAsXml() {
        var converter = new Open311Xml.Converter(JsonMapper.builder().build());
        assertThat(converter.canWrite(Open311Model.Errors.class, MediaType.APPLICATION_XML)).isTrue();
        assertThat(converter.canWrite(ProblemDetail.class, MediaType.APPLICATION_XML)).isFalse();
        assertThat(converter.canWrite(Map.class, MediaType.APPLICATION_XML)).isFalse();
        assertThat(converter.canRead(Open311Model.Errors.class, MediaType.APPLICATION_XML)).isFalse();
    }
}
