package org.tanchang.grid.mediation.dispute;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.patrol.FindingDispute;
import org.tanchang.grid.contracts.patrol.FindingParty;

/**
 * Reads what a grid member said of a dispute in a patrol finding ({@link FindingDispute}) in mediation's own terms.
 * The event is another service's word: a code mediation does not know falls back to the default of a finding without
 * a hint (OTHER / MEDIUM) with a log line, and each party must have a kind and role mediation knows and pass the same
 * checks as one a mediator adds through {@code add-parties}, else it is left out (logged) rather than poisoning the
 * whole report. Codes are matched by name through a lookup, never {@code valueOf}, so no code throws.
 */
@Component
class PatrolHint {

    private static final Logger log = LoggerFactory.getLogger(PatrolHint.class);

    private final Validator validator;

    PatrolHint(Validator validator) {
        this.validator = validator;
    }

    DisputeType type(String disputeId, FindingDispute hint) {
        return hint == null ? DisputeType.OTHER : inOurTerms(disputeId, "dispute type", hint.type(), DisputeType.OTHER);
    }

    RiskLevel risk(String disputeId, FindingDispute hint) {
        return hint == null ? RiskLevel.MEDIUM : inOurTerms(disputeId, "risk level", hint.riskLevel(), RiskLevel.MEDIUM);
    }

    /** The member's code as mediation's own value of the same name; the fallback when absent or unknown here. */
    private static <E extends Enum<E>> E inOurTerms(String disputeId, String what, Enum<?> code, E fallback) {
        if (code == null) {
            // left out by the member, or a code newer than this service's contracts (the reader made it null)
            log.info("Dispute {}: the patrol finding gives no known {}, opened as {}", disputeId, what, fallback);
            return fallback;
        }
        return ours(fallback.getDeclaringClass(), code).orElseGet(() -> {
            log.warn("Dispute {}: unknown {} {} in the patrol finding, opened as {}", disputeId, what, code, fallback);
            return fallback;
        });
    }

    /**
     * Mediation's constant named like another service's code; empty when mediation has no such constant. A lookup,
     * not {@code valueOf}: a code the contracts gained before mediation's own enum did must not throw.
     */
    static <E extends Enum<E>> Optional<E> ours(Class<E> type, Enum<?> code) {
        return code == null ? Optional.empty()
                : Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(code.name())).findFirst();
    }

    /** The named parties as the requests a mediator would have sent; ID numbers and phones never come from events. */
    List<DisputeRequests.PartyRequest> parties(String disputeId, FindingDispute hint) {
        List<DisputeRequests.PartyRequest> requests = new ArrayList<>();
        List<FindingParty> named = hint == null ? List.of() : hint.parties();
        for (int i = 0; i < named.size(); i++) {
            FindingParty p = named.get(i);
            Optional<PartyKind> kind = ours(PartyKind.class, p == null ? null : p.kind());
            Optional<PartyRole> role = ours(PartyRole.class, p == null ? null : p.role());
            if (p != null && (p.kind() != null && kind.isEmpty() || p.role() != null && role.isEmpty())) {
                log.warn("Dispute {}: party {} of the patrol finding left out (kind {}, role {}: unknown here)",
                        disputeId, i, p.kind(), p.role());
                continue;
            }
            DisputeRequests.PartyRequest request = p == null ? null : new DisputeRequests.PartyRequest(kind.orElse(null),
                    role.orElse(null), p.name(), null, null, p.claims(), p.gridCode());
            Set<ConstraintViolation<DisputeRequests.PartyRequest>> violations =
                    request == null ? Set.of() : validator.validate(request);
            if (request == null || !violations.isEmpty()) {
                // field names only: the rejected values are personal data
                log.warn("Dispute {}: party {} of the patrol finding left out (invalid {})", disputeId, i,
                        request == null ? "party" : violations.stream().map(v -> v.getPropertyPath().toString())
                                .sorted().collect(Collectors.joining(", ")));
                continue;
            }
            requests.add(request);
        }
        return requests;
    }
}
