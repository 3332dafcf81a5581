package org.tanchang.grid.guard;

import java.util.List;
import java.util.stream.Collectors;

/** The start refused under the production profile: which variables still hold public development secrets. */
public class DevelopmentSecretsException extends IllegalStateException {

    private final transient List<ProductionGuard.DevelopmentSecret> secrets;

    DevelopmentSecretsException(List<ProductionGuard.DevelopmentSecret> secrets) {
        super("Refusing to start with the '" + ProductionGuard.PROFILE + "' profile on public development secrets:\n"
                + secrets.stream().map(s -> "  - " + s.describe()).collect(Collectors.joining("\n")));
        this.secrets = List.copyOf(secrets);
    }

    public List<ProductionGuard.DevelopmentSecret> secrets() {
        return secrets;
    }
}
