package org.tanchang.grid.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanchang.grid.platform.test.ApiClient;

/**
 * Real tokens from the running auth server: a demo user signs in the way the README tells a person to
 * ({@code auth-server/user-token.sh}: authorization code with PKCE through the login form), another system with
 * client credentials.
 */
final class SignIn {

    static final String AUTH = "http://localhost:" + System.getenv().getOrDefault("AUTH_SERVER_PORT", "9000");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private SignIn() {
    }

    static String user(String username) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Suite.ROOT.resolve("auth-server/user-token.sh").toString(), username)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("user-token.sh " + username + " failed: " + output);
        }
        Matcher token = ACCESS_TOKEN.matcher(output);
        if (!token.find()) {
            throw new IllegalStateException("no access token for " + username + " in: " + output);
        }
        return token.group(1);
    }

    static String client(String clientId, String secret, String scope) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        ApiClient.Response response = new ApiClient(AUTH).send("POST", "/oauth2/token",
                "grant_type=client_credentials&scope=" + scope, "Content-Type", "application/x-www-form-urlencoded",
                "Authorization", "Basic " + basic);
        if (response.status() != 200) {
            throw new IllegalStateException("client credentials for " + clientId + ": " + response.text());
        }
        return response.json().get("access_token").asString();
    }
}
