package org.tanchang.grid.guard;

import java.util.Base64;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@code ${VARIABLE:default}} of a configuration file is to a deployment: a setting it must give, because
 * the default is only right on a developer's machine. The one rule of the suite, used by the production guard (at
 * start) and by the deployment tests (compose and Kubernetes must set each of them).
 */
public enum SettingKind {

    /**
     * The default points at this machine ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}): inside a container or
     * a pod it reaches nothing, so every deployment gives its own address.
     */
    ADDRESS,

    /**
     * The default is a public development secret: the variable's name ends in {@code KEY}, {@code SECRET} or
     * {@code PASSWORD} and its default is not empty; or it is the id of such a key ({@code X_KEY_ID} next to a secret
     * {@code X_KEY}), which names the development key in every ciphertext. The production profile refuses them.
     */
    SECRET;

    private static final Pattern LOCAL_HOST =
            Pattern.compile("(?i)(^|[/@,;=\\s])(localhost|127\\.0\\.0\\.1|\\[::1])(?=$|[:/,;\\s])");
    private static final Pattern SECRET_NAME = Pattern.compile("(^|.*_)(KEY|SECRET|PASSWORD)");
    private static final String KEY_ID_SUFFIX = "_ID";

    /**
     * The kind of a placeholder, or empty when its default is fine anywhere (ports, durations, feature switches).
     *
     * @param placeholder the placeholder
     * @param around      the other placeholders of the same process (for {@code X_KEY_ID}: is {@code X_KEY} a secret?)
     */
    public static Optional<SettingKind> of(Placeholder placeholder, Collection<Placeholder> around) {
        if (!placeholder.hasDefault() || placeholder.defaultValue().isBlank()) {
            return Optional.empty();
        }
        if (isSecretName(placeholder.variable())) {
            return Optional.of(SECRET);
        }
        if (placeholder.variable().endsWith("_KEY" + KEY_ID_SUFFIX)) {
            String key = placeholder.variable().substring(0, placeholder.variable().length() - KEY_ID_SUFFIX.length());
            if (around.stream().anyMatch(p -> p.variable().equals(key) && p.hasDefault() && !p.defaultValue().isBlank())) {
                return Optional.of(SECRET);
            }
        }
        if (LOCAL_HOST.matcher(placeholder.defaultValue()).find()) {
            return Optional.of(ADDRESS);
        }
        return Optional.empty();
    }

    /** Whether a variable's name says it holds a secret (whatever its default). */
    public static boolean isSecretName(String variable) {
        return SECRET_NAME.matcher(variable).matches();
    }

    /** How to make a value for a secret like this one: what the error message and the env file example say. */
    public static String howToGenerate(Placeholder secret) {
        if (secret.variable().endsWith("_KEY" + KEY_ID_SUFFIX)) {
            return "a key id of your own, e.g. prod-1, together with a key of your own";
        }
        try {
            if (Base64.getDecoder().decode(secret.defaultValue().strip()).length == 32) {
                return "openssl rand -base64 32";
            }
        } catch (IllegalArgumentException notBase64) {
            // a password or client secret
        }
        // hex, not base64: a client secret travels in HTTP Basic, whose decoding turns a base64 '+' into a space
        return "openssl rand -hex 24";
    }
}
