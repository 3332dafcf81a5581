package org.tanchang.grid.cases.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The outside agencies a matter can be referred to ({@code tanchang.referrals.agencies}): data, not code, so a new
 * 市场监管所 or another county's station is a YAML entry plus its system client at the auth server.
 */
@Validated
@ConfigurationProperties("tanchang.referrals")
record Agencies(@Valid List<Agency> agencies) {

    enum Kind { MARKET_SUPERVISION, POLICE_STATION, COURT, OTHER }

    /** WEBHOOK: notification-service sends it signed; PERSON: the officer hands it over and records the reply. */
    enum Delivery { WEBHOOK, PERSON }

    /**
     * @param clientId       the system client that represents the agency: its token reads and answers only the
     *                       referrals addressed to it
     * @param replyWorkDays  how long it has to reply, in work days of the county calendar
     */
    record Agency(@NotBlank String code, @NotBlank String name, @NotNull Kind kind, @NotNull Delivery delivery,
            @NotBlank String clientId, @Min(1) int replyWorkDays) {
    }

    Agencies {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        Map<String, Long> clients = agencies.stream().collect(Collectors.groupingBy(Agency::clientId,
                Collectors.counting()));
        clients.forEach((client, count) -> {
            if (count > 1) {   // the agency's token finds its referrals by client id: one client, one agency
                throw new IllegalStateException("Client " + client + " represents more than one agency");
            }
        });
    }

    Optional<Agency> byCode(String code) {
        return Optional.ofNullable(agencies.stream().collect(Collectors.toMap(Agency::code, Function.identity()))
                .get(code));
    }
}
