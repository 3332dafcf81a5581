package org.tanchang.grid.platform.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What anybody may read without a token must carry no personal data. A test plants {@link Seed}s in every free text
 * that can reach a public operation, then {@link #walk}s every public operation of the service's OpenAPI document
 * (those marked {@code x-allowed-roles: [ANONYMOUS]}, i.e. every {@code @PublicEndpoint}), so a public operation
 * added later is walked without anyone remembering to add it, and asserts that no seed comes out.
 */
public final class PublicSurfaces {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    private PublicSurfaces() {
    }

    /** GB 11643's check character (ISO 7064 MOD 11-2); platform-test does not depend on the platform. */
    static char checkCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /**
     * Personal data as a careless hand types it into a public text: an 18-digit identity number with a valid GB
     * 11643 check character, a mainland mobile, a street address and a village household address; and a marker,
     * unique per seed, which must come out (it proves the planted text was shown, masked, and not simply absent).
     */
    public record Seed(String marker, String idNumber, String mobile, String streetAddress, String villageAddress) {

        public static Seed random() {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(20_000));
            String first17 = "620521" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            String mobile = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
            return new Seed("标记" + Integer.toString(random.nextInt(1 << 30), 36).toUpperCase(Locale.ROOT),
                    first17 + checkCharacter(first17), mobile,
                    "人民路" + (10 + random.nextInt(980)) + "号",
                    "杨家村" + (1 + random.nextInt(9)) + "组" + (10 + random.nextInt(80)) + "号");
        }

        /** All of it in one text, as in a notice: "…身份证…，电话…，住…". */
        public String text() {
            return marker + "：失主身份证" + idNumber + "，电话" + mobile + "，住城关镇" + streetAddress + "，老家"
                    + villageAddress;
        }

        /** What must never come out. */
        public List<String> secrets() {
            return List.of(idNumber, mobile, streetAddress, villageAddress);
        }
    }

    /** One call of a public operation: which, the URL called, and what came back. */
    public record Answer(String operation, String url, int status, String text) {
    }

    /**
     * Calls every public operation of the service on {@code port} without a token, once per combination of the
     * values given for its path variables (a variable without values fails: the test must say what to call it
     * with), with {@code size=100} where the operation pages.
     */
    public static List<Answer> walk(int port, Map<String, List<String>> pathValues) {
        ApiClient anonymous = ApiClient.local(port);
        JsonNode doc = anonymous.get("/v3/api-docs").json();
        List<Answer> answers = new ArrayList<>();
        for (var path : doc.get("paths").properties()) {
            for (var method : path.getValue().properties()) {
                JsonNode operation = method.getValue();
                if (!operation.path("x-allowed-roles").toString().contains("ANONYMOUS")) {
                    continue;
                }
                String key = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                if (!method.getKey().equalsIgnoreCase("get")) {
                    throw new AssertionError(key + " is public but not a read; walk it in the test by hand");
                }
                boolean pages = operation.path("parameters").findValuesAsString("name").contains("size");
                for (String url : expand(key, path.getKey(), pathValues)) {
                    String called = url + (pages ? "?size=100" : "");
                    ApiClient.Response response = anonymous.get(called);
                    answers.add(new Answer(key, called, response.status(), response.text()));
                }
            }
        }
        return answers;
    }

    private static List<String> expand(String key, String template, Map<String, List<String>> pathValues) {
        Matcher m = VARIABLE.matcher(template);
        if (!m.find()) {
            return List.of(template);
        }
        String name = m.group(1);
        List<String> values = pathValues.get(name);
        if (values == null || values.isEmpty()) {
            throw new AssertionError(key + " is public and has the path variable {" + name + "}: give the walk "
                    + "values for it that reach the planted data");
        }
        List<String> urls = new ArrayList<>();
        for (String value : values) {
            String filled = template.substring(0, m.start()) + URLEncoder.encode(value, StandardCharsets.UTF_8)
                    + template.substring(m.end());
            urls.addAll(expand(key, filled, pathValues));
        }
        return urls;
    }
}
