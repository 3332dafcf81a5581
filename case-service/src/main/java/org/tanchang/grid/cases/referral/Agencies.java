package org.tanchang.grid.cases.referral;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
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
        // a code names one agency; and the agency's token finds its referrals by client id: one client, one agency
        unique(agencies, Agency::code, "Agency code");
        unique(agencies, Agency::clientId, "Client");
    }

    private static void unique(List<Agency> agencies, Function<Agency, String> key, String what) {
        agencies.stream().collect(Collectors.groupingBy(key, Collectors.counting())).forEach((value, count) -> {
            if (count > 1) {
                throw new IllegalStateException(what + " " + value + " is configured for more than one agency");
            }
        });
    }

    Optional<Agency> byCode(String code) {
        return agencies.stream().filter(a -> a.code().equals(code)).findFirst();
    }
}
