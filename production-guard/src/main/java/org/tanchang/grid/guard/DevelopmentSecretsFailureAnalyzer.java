package org.tanchang.grid.guard;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns the refusal into Boot's "APPLICATION FAILED TO START" report instead of a stack trace. */
class DevelopmentSecretsFailureAnalyzer extends AbstractFailureAnalyzer<DevelopmentSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DevelopmentSecretsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Give each variable named above a secret of your own: for docker compose in the env file (.env, see "
                        + "deploy/compose.env.example), on Kubernetes in the Secret of the overlay. Keep the keys: data "
                        + "encrypted with a key cannot be read without it. For a local run on the development keys, "
                        + "start without the '" + ProductionGuard.PROFILE + "' profile.",
                cause);
    }
}
