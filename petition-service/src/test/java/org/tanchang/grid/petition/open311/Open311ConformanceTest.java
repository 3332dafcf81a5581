package org.tanchang.grid.petition.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.grid.GridChanged;
import org.tanchang.grid.petition.request.RequestFixtures;
import org.tanchang.grid.platform.geo.GridMap;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

/**
 * Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2) as another government system files through it: it
 * reads the service list, reads a service definition and answers its required attributes, posts a request with
 * only what the specification requires (service_code and a location), and reads back the request and the list,
 * in JSON and in XML. Test names carry the specification's section: GET Service List, GET Service Definition,
 * POST Service Request, GET Service Requests, GET Service Request, Errors. The grid comes from the position, on a
 * grid this test defines through grid-service's GridChanged event, as grid-service would.
 */
@ServiceIntegrationTest
class Open311ConformanceTest {

    /** A made-up grid of 杨家村 on a square of its own, away from anything else on the map. */
    static final String GRID = "621223101001091";
    static final double LAT = 34.225;
    static final double LON = 104.625;
    static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort
    int port;

    @Autowired
    GridMap gridMap;

    private final String system = TestUsers.system("county-311-hub", "petition.read", "petition.write");

    private ApiClient filer() {
        return ApiClient.local(port).withToken(system);
    }

    @BeforeEach
    void theGridIsOnTheMap() {
        if (gridMap.locate(LON, LAT).isPresent()) {
            return;
        }
        String square = "{\"type\":\"Polygon\",\"coordinates\":[[[104.6,34.2],[104.65,34.2],[104.65,34.25],"
                + "[104.6,34.25],[104.6,34.2]]]}";
        TestEvents.publish(GridChanged.TYPE, UUID.randomUUID().toString(), GRID, new GridChanged(GRID, "测试网格",
                "621223101001", "杨家村", "621223101", "理川镇", "621223", square, true, System.currentTimeMillis(),
                OffsetDateTime.now(ZoneOffset.ofHours(8))));
        await().atMost(Duration.ofSeconds(20)).until(() -> gridMap.locate(LON, LAT).isPresent());
    }

    @Test
    void getServiceListThenServiceDefinitionThenPostThenGetByIdAndListInXml() {
        // GET Service List: <services><service> with the specification's fields, after the UTF-8 declaration
        var listed = ApiClient.local(port).get("/open311/v2/services.xml?jurisdiction_id=621223");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Element services = xml(listed, "services");
        Element service = children(services).stream().filter(s -> text(s, "service_code").equals("ID-APPLY"))
                .findFirst().orElseThrow();
        assertThat(service.getTagName()).isEqualTo("service");
        assertThat(tags(service)).containsExactlyElementsOf(Open311IntegrationTest.SERVICE);

        // GET Service Definition: the filer answers every required attribute it is given, and nothing else
        Element definition = xml(ApiClient.local(port).get("/open311/v2/services/ID-APPLY.xml"),
                "service_definition");
        assertThat(tags(definition)).containsExactly("service_code", "attributes");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("service_code", text(definition, "service_code"));
        form.put("lat", String.valueOf(LAT));
        form.put("long", String.valueOf(LON));
        for (Element attribute : children(children(definition).get(1))) {
            assertThat(attribute.getTagName()).isEqualTo("attribute");
            assertThat(tags(attribute)).containsExactlyElementsOf(Open311IntegrationTest.ATTRIBUTE);
            if (Boolean.parseBoolean(text(attribute, "required"))) {
                form.put("attribute[" + text(attribute, "code") + "]", answer(attribute));
            }
        }
        assertThat(form).doesNotContainKey("attribute[gridCode]");

        // POST Service Request: <service_requests><request> with service_request_id, service_notice, account_id
        var posted = filer().send("POST", "/open311/v2/requests.xml", encode(form), "Content-Type", FORM);
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        Element created = children(xml(posted, "service_requests")).get(0);
        assertThat(created.getTagName()).isEqualTo("request");
        assertThat(tags(created)).containsExactlyElementsOf(Open311IntegrationTest.CREATED);
        String id = text(created, "service_request_id");
        assertThat(id).isNotBlank();

        // GET Service Request: a list of one, <service_requests><request>, the specification's fields in order
        Element read = xml(filer().get("/open311/v2/requests/" + id + ".xml?jurisdiction_id=621223"),
                "service_requests");
        assertThat(children(read)).singleElement().satisfies(r -> {
            assertThat(r.getTagName()).isEqualTo("request");
            assertThat(tags(r)).containsExactlyElementsOf(Open311IntegrationTest.REQUEST);
            assertThat(text(r, "service_request_id")).isEqualTo(id);
            assertThat(text(r, "status")).isEqualTo("open");
            assertThat(text(r, "service_code")).isEqualTo("ID-APPLY");
            assertThat(text(r, "service_name")).isEqualTo(text(service, "service_name"));
            assertThat(Double.parseDouble(text(r, "lat"))).isEqualTo(LAT);
            assertThat(Double.parseDouble(text(r, "long"))).isEqualTo(LON);
            // W3C date-times with their offset, as the specification's "Date/time format" asks
            OffsetDateTime.parse(text(r, "requested_datetime"));
            OffsetDateTime.parse(text(r, "updated_datetime"));
            OffsetDateTime.parse(text(r, "expected_datetime"));
        });

        // GET Service Requests: filtered by service_request_id, which makes the other filters ignored
        Element byIds = xml(filer().get("/open311/v2/requests.xml?service_request_id=" + id + ",req-none"
                + "&status=closed"), "service_requests");
        assertThat(children(byIds)).extracting(r -> text(r, "service_request_id")).containsExactly(id);
    }

    @Test
    void postServiceRequestWithLatLongOnlyFindsTheGridAndNeedsNoNameInJson() {
        Map<String, String> form = required();
        form.put("lat", String.valueOf(LAT));
        form.put("long", String.valueOf(LON));
        form.put("api_key", "ignored-we-use-oauth");
        form.put("jurisdiction_id", "621223");
        var posted = filer().send("POST", "/open311/v2/requests.json", encode(form), "Content-Type", FORM);
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        assertThat(posted.header("Content-Type")).startsWith("application/json");
        assertThat(names(posted.json().get(0))).containsExactlyElementsOf(Open311IntegrationTest.CREATED);
        String id = posted.json().get(0).get("service_request_id").asString();

        // the window handling it sees the grid the position lies in, and no name (none was sent)
        var window = ApiClient.local(port).withToken(RequestFixtures.clerk()).get("/api/service-requests/" + id);
        assertThat(window.status()).as(window.text()).isEqualTo(200);
        assertThat(window.json().get("gridCode").asString()).isEqualTo(GRID);
        JsonNode name = window.json().get("applicant").get("name");
        assertThat(name == null || name.isNull()).as(window.text()).isTrue();
        var receipt = ApiClient.local(port).withToken(RequestFixtures.clerk())
                .get("/api/service-requests/" + id + "/receipt");
        assertThat(receipt.status()).as(receipt.text()).isEqualTo(200);

        // GET Service Request (JSON): an array of one
        JsonNode read = filer().get("/open311/v2/requests/" + id + ".json").json();
        assertThat(read.isArray()).isTrue();
        assertThat(names(read.get(0))).containsExactlyElementsOf(Open311IntegrationTest.REQUEST);
        assertThat(read.get(0).get("status").asString()).isEqualTo("open");
        assertThat(read.get(0).get("description").isNull()).isTrue();
        assertThat(read.get(0).get("agency_responsible").asString()).isNotBlank();

        // GET Service Requests (JSON): comma lists of service codes and statuses, a W3C date range
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
        String from = now.minusHours(1).toString();
        String to = now.plusHours(1).toString();
        JsonNode list = filer().get("/open311/v2/requests.json?service_code=HR-BIRTH,ID-APPLY&status=open,closed"
                + "&start_date=" + URLEncoder.encode(from, StandardCharsets.UTF_8) + "&end_date="
                + URLEncoder.encode(to, StandardCharsets.UTF_8)
                + "&jurisdiction_id=621223").json();
        assertThat(list.isArray()).isTrue();
        assertThat(list.valueStream().map(r -> r.get("service_request_id").asString())).contains(id);
        list.forEach(r -> assertThat(names(r)).containsExactlyElementsOf(Open311IntegrationTest.REQUEST));
        JsonNode otherCode = filer().get("/open311/v2/requests.json?service_code=HR-BIRTH").json();
        assertThat(otherCode.valueStream().map(r -> r.get("service_request_id").asString())).doesNotContain(id);
        JsonNode closedOnly = filer().get("/open311/v2/requests.json?status=closed").json();
        assertThat(closedOnly.valueStream().map(r -> r.get("service_request_id").asString())).doesNotContain(id);
    }

    @Test
    void postServiceRequestWithAnAddressAndANamedGridIsAcceptedWithoutAPosition() {
        Map<String, String> form = required();
        form.put("address_string", "宕昌县理川镇杨家村二组15号");
        form.put("attribute[gridCode]", TestUsers.YANGJIA_GRID);
        var posted = filer().send("POST", "/open311/v2/requests.json", encode(form), "Content-Type", FORM);
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        JsonNode read = filer().get("/open311/v2/requests/" + posted.json().get(0).get("service_request_id")
                .asString() + ".json").json().get(0);
        assertThat(read.get("address").asString()).startsWith("宕昌县").isNotEqualTo(form.get("address_string"));
        assertThat(read.get("lat").isNull()).isTrue();
    }

    @Test
    void errorsOfPostServiceRequestAreTheSpecificationsListAndStoreNothing() {
        int before = filer().get("/open311/v2/requests.json").json().size();

        // 404 - service_code not found, on POST and on the service definition, in both formats
        Map<String, String> unknown = required();
        unknown.put("service_code", "XX-NONE");
        unknown.put("lat", String.valueOf(LAT));
        unknown.put("long", String.valueOf(LON));
        var json404 = filer().send("POST", "/open311/v2/requests.json", encode(unknown), "Content-Type", FORM);
        assertThat(json404.status()).isEqualTo(404);
        assertThat(names(json404.json().get(0))).containsExactlyElementsOf(Open311IntegrationTest.ERROR);
        assertThat(json404.json().get(0).get("code").asInt()).isEqualTo(404);
        assertThat(json404.json().get(0).get("description").asString()).contains("XX-NONE");
        var xml404 = filer().send("POST", "/open311/v2/requests.xml", encode(unknown), "Content-Type", FORM);
        assertThat(xml404.status()).isEqualTo(404);
        assertThat(text(children(xml(xml404, "errors")).get(0), "code")).isEqualTo("404");
        assertThat(ApiClient.local(port).get("/open311/v2/services/XX-NONE.xml").status()).isEqualTo(404);

        // a position outside every grid: 400, naming lat/long, in both formats
        Map<String, String> outside = required();
        outside.put("lat", "35.5");
        outside.put("long", "103.0");
        var far = filer().send("POST", "/open311/v2/requests.json", encode(outside), "Content-Type", FORM);
        assertThat(far.status()).isEqualTo(400);
        assertThat(far.json().valueStream().map(e -> e.get("description").asString()))
                .containsExactly("lat/long: lie in no grid of the county; check the position or name the grid as "
                        + "attribute[gridCode]");
        Element farXml = xml(filer().send("POST", "/open311/v2/requests.xml", encode(outside), "Content-Type",
                FORM), "errors");
        assertThat(children(farXml)).singleElement().satisfies(e -> {
            assertThat(tags(e)).containsExactlyElementsOf(Open311IntegrationTest.ERROR);
            assertThat(text(e, "code")).isEqualTo("400");
            assertThat(text(e, "description")).startsWith("lat/long: lie in no grid");
        });

        // a location is required: none, lat without long, an address_id nobody here can resolve
        assertThat(descriptions(required())).containsExactly("lat/long: a location is required: lat and long, "
                + "address_string, or the grid as attribute[gridCode]");
        Map<String, String> latOnly = required();
        latOnly.put("lat", String.valueOf(LAT));
        assertThat(descriptions(latOnly)).containsExactly("long: is required with lat: a position is both");
        Map<String, String> addressId = required();
        addressId.put("address_id", "A-100");
        assertThat(descriptions(addressId)).singleElement().asString().startsWith("address_id: ");
        Map<String, String> addressOnly = required();
        addressOnly.put("address_string", "宕昌县理川镇杨家村二组15号");
        assertThat(descriptions(addressOnly)).singleElement().asString().startsWith("attribute[gridCode]: ");

        assertThat(filer().get("/open311/v2/requests.json").json().size()).isEqualTo(before);
    }

    /** The required attributes of ID-APPLY and the service code: no location, no name, no contact. */
    private static Map<String, String> required() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("service_code", "ID-APPLY");
        form.put("attribute[applicantIdNumber]", "110105194901020123");
        form.put("attribute[reason]", "到期换领");
        return form;
    }

    private List<String> descriptions(Map<String, String> form) {
        var response = filer().send("POST", "/open311/v2/requests.json", encode(form), "Content-Type", FORM);
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        return response.json().valueStream().map(e -> e.get("description").asString()).toList();
    }

    /** What a filing system would answer, by the attribute's datatype. */
    private static String answer(Element attribute) {
        if (text(attribute, "code").equals(Open311Services.ID_NUMBER)) {
            return "110105194901020123";
        }
        return switch (text(attribute, "datatype")) {
            case "singlevaluelist", "multivaluelist" -> text(children(children(attribute).get(7)).get(0), "key");
            case "number" -> "1";
            case "datetime" -> "2026-11-29";
            default -> "到期换领";
        };
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static List<String> names(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
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

    /** The text of the direct child {@code name}. */
    private static String text(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst()
                .map(Element::getTextContent).orElseThrow(() -> new AssertionError("no <" + name + "> in <"
                        + parent.getTagName() + ">"));
    }
}
