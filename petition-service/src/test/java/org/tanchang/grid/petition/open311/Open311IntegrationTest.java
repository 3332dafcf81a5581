package org.tanchang.grid.petition.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.petition.request.RequestFixtures;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestUsers;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

/** The facade checked against the field lists of the GeoReport v2 specification, in JSON and in XML. */
@ServiceIntegrationTest
class Open311IntegrationTest {

    static final List<String> SERVICE = List.of("service_code", "service_name", "description", "metadata", "type",
            "keywords", "group");
    static final List<String> DEFINITION = List.of("service_code", "attributes");
    static final List<String> ATTRIBUTE = List.of("variable", "code", "datatype", "required", "datatype_description",
            "order", "description", "values");
    static final List<String> REQUEST = List.of("service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    static final List<String> CREATED = List.of("service_request_id", "service_notice", "account_id");
    static final List<String> ERROR = List.of("code", "description");

    @LocalServerPort
    int port;

    private ApiClient anonymous() {
        return ApiClient.local(port);
    }

    private ApiClient clerk() {
        return ApiClient.local(port).withToken(RequestFixtures.clerk());
    }

    @Test
    void servicesListsTheCatalogueWithTheSpecificationsFieldsInBothFormats() {
        var json = anonymous().get("/open311/v2/services.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.header("Content-Type")).startsWith("application/json");
        assertThat(json.json().size()).isGreaterThanOrEqualTo(10);
        json.json().forEach(s -> assertThat(names(s)).containsExactlyElementsOf(SERVICE));
        JsonNode idApply = find(json.json(), "service_code", "ID-APPLY");
        assertThat(idApply.get("type").asString()).isEqualTo("realtime");
        assertThat(idApply.get("metadata").asBoolean()).isTrue();
        assertThat(idApply.get("group").asString()).isEqualTo("ID_CARD");

        Element xml = xml(anonymous().get("/open311/v2/services.xml"), "services");
        List<Element> services = children(xml);
        assertThat(services).hasSize(json.json().size()).allSatisfy(s -> {
            assertThat(s.getTagName()).isEqualTo("service");
            assertThat(tags(s)).containsExactlyElementsOf(SERVICE);
        });
    }

    @Test
    void aServiceDefinitionListsItsAttributesInBothFormats() {
        var json = anonymous().get("/open311/v2/services/ID-APPLY.json").json();
        assertThat(names(json)).containsExactlyElementsOf(DEFINITION);
        json.get("attributes").forEach(a -> assertThat(names(a)).containsExactlyElementsOf(ATTRIBUTE));
        assertThat(json.get("attributes").valueStream().map(a -> a.get("code").asString()).toList())
                .containsExactly("gridCode", "applicantIdNumber", "reason", "expressDelivery");
        JsonNode delivery = json.get("attributes").get(3);
        assertThat(delivery.get("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(delivery.get("values").get(0).get("key").asString()).isEqualTo("true");

        Element xml = xml(anonymous().get("/open311/v2/services/ID-APPLY.xml"), "service_definition");
        assertThat(tags(xml)).containsExactlyElementsOf(DEFINITION);
        List<Element> attributes = children(children(xml).get(1));
        assertThat(attributes).hasSize(4).allSatisfy(a -> {
            assertThat(a.getTagName()).isEqualTo("attribute");
            assertThat(tags(a)).containsExactlyElementsOf(ATTRIBUTE);
        });
        Element values = children(attributes.get(3)).get(7);
        assertThat(children(values)).extracting(Element::getTagName).containsExactly("value", "value");
        assertThat(tags(children(values).get(0))).containsExactly("key", "name");
    }

    @Test
    void aPostedRequestIsReadAndListedWithTheSpecificationsFieldsInBothFormats() {
        var created = clerk().send("POST", "/open311/v2/requests.json", form(validForm()),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(names(created.json().get(0))).containsExactlyElementsOf(CREATED);
        String id = created.json().get(0).get("service_request_id").asString();
        assertThat(created.json().get(0).get("service_notice").asString()).contains("621223-SQ-");

        JsonNode r = clerk().get("/open311/v2/requests/" + id + ".json").json().get(0);
        assertThat(names(r)).containsExactlyElementsOf(REQUEST);
        assertThat(r.get("status").asString()).isEqualTo("open");
        assertThat(r.get("service_code").asString()).isEqualTo("ID-APPLY");
        assertThat(r.get("description").asString()).isEqualTo("身份证到期换领");
        assertThat(r.get("lat").asDouble()).isEqualTo(34.047);
        assertThat(r.get("long").asDouble()).isEqualTo(104.393);
        assertThat(r.get("address").asString()).isNotEqualTo("宕昌县理川镇杨家村二组15号").startsWith("宕昌县");
        assertThat(r.get("media_url").asString()).isEqualTo("https://example.org/photo.jpg");
        assertThat(r.get("expected_datetime").asString()).endsWith("+08:00");

        Element xml = xml(clerk().get("/open311/v2/requests/" + id + ".xml"), "service_requests");
        assertThat(children(xml)).singleElement().satisfies(e -> {
            assertThat(e.getTagName()).isEqualTo("request");
            assertThat(tags(e)).containsExactlyElementsOf(REQUEST);
        });
        Element createdXml = xml(clerk().send("POST", "/open311/v2/requests.xml", form(validForm()),
                "Content-Type", "application/x-www-form-urlencoded"), "service_requests");
        assertThat(tags(children(createdXml).get(0))).containsExactlyElementsOf(CREATED);

        var open = clerk().get("/open311/v2/requests.json?status=open&service_code=ID-APPLY").json();
        assertThat(open.valueStream().map(x -> x.get("service_request_id").asString())).contains(id);
        open.forEach(x -> assertThat(names(x)).containsExactlyElementsOf(REQUEST));
        var closed = clerk().get("/open311/v2/requests.json?status=closed").json();
        assertThat(closed.valueStream().map(x -> x.get("service_request_id").asString())).doesNotContain(id);
        var byId = clerk().get("/open311/v2/requests.xml?service_request_id=" + id);
        assertThat(children(xml(byId, "service_requests"))).hasSize(1);
        var otherTownship = ApiClient.local(port).withToken(TestUsers.token("clerk-muer", "WINDOW_CLERK",
                TestUsers.MUER)).get("/open311/v2/requests/" + id + ".json");
        assertThat(otherTownship.status()).isEqualTo(404);
        assertThat(names(otherTownship.json().get(0))).containsExactlyElementsOf(ERROR);
    }

    @Test
    void errorsAreTheSpecificationsListInBothFormatsAndBadInputStoresNothing() {
        int before = clerk().get("/open311/v2/requests.json").json().size();
        Map<String, String> bad = validForm();
        bad.put("lat", "95");
        bad.put("attribute[applicantIdNumber]", "110105194901020124");
        var invalid = clerk().send("POST", "/open311/v2/requests.json", form(bad),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().size()).isEqualTo(2);
        invalid.json().forEach(e -> {
            assertThat(names(e)).containsExactlyElementsOf(ERROR);
            assertThat(e.get("code").asInt()).isEqualTo(400);
        });
        assertThat(invalid.json().valueStream().map(e -> e.get("description").asString()))
                .anyMatch(d -> d.startsWith("lat:"))
                .anyMatch(d -> d.startsWith("attribute[applicantIdNumber]:"));
        Map<String, String> noReason = validForm();
        noReason.remove("attribute[reason]");
        var missing = clerk().send("POST", "/open311/v2/requests.json", form(noReason),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(missing.json().get(0).get("description").asString())
                .isEqualTo("attribute[reason]: is required for ID-APPLY");
        assertThat(clerk().get("/open311/v2/requests.json").json().size()).isEqualTo(before);

        Element xmlErrors = xml(clerk().send("POST", "/open311/v2/requests.xml", "description=x",
                "Content-Type", "application/x-www-form-urlencoded"), "errors");
        assertThat(children(xmlErrors)).singleElement().satisfies(e -> {
            assertThat(e.getTagName()).isEqualTo("error");
            assertThat(tags(e)).containsExactlyElementsOf(ERROR);
            assertThat(e.getElementsByTagName("description").item(0).getTextContent())
                    .isEqualTo("service_code: is required");
        });
        var unknown = anonymous().get("/open311/v2/services/XX-NONE.json");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(names(unknown.json().get(0))).containsExactlyElementsOf(ERROR);
        var noToken = anonymous().get("/open311/v2/requests.json");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.json().get(0).get("code").asInt()).isEqualTo(401);
        var wrongRole = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN))
                .get("/open311/v2/requests.xml");
        assertThat(wrongRole.status()).isEqualTo(403);
        assertThat(children(xml(wrongRole, "errors"))).hasSize(1);
        var badDate = clerk().get("/open311/v2/requests.json?start_date=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
    }

    private static Map<String, String> validForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("service_code", "ID-APPLY");
        form.put("lat", "34.047");
        form.put("long", "104.393");
        form.put("address_string", "宕昌县理川镇杨家村二组15号");
        form.put("email", "yang@example.org");
        form.put("first_name", "建国");
        form.put("last_name", "杨");
        form.put("phone", "13800138000");
        form.put("description", "身份证到期换领");
        form.put("media_url", "https://example.org/photo.jpg");
        form.put("attribute[gridCode]", TestUsers.YANGJIA_GRID);
        form.put("attribute[applicantIdNumber]", "110105194901020123");
        form.put("attribute[reason]", "到期换领");
        return form;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return array.valueStream().filter(n -> n.get(field).asString().equals(value)).findFirst().orElseThrow();
    }

    private static Element xml(ApiClient.Response response, String root) {
        assertThat(response.header("Content-Type")).as(response.text()).startsWith("application/xml");
        try {
            Element element = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(response.text().getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            assertThat(element.getTagName()).isEqualTo(root);
            return element;
        } catch (Exception e) {
            throw new AssertionError("not XML: " + response.text(), e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static List<String> tags(Element parent) {
        return children(parent).stream().map(Element::getTagName).toList();
    }
}
