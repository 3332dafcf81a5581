package org.tanchang.grid.cases.incident;

import java.util.stream.Stream;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/**
 * The reporter's personal data between the API and the store: protected (encrypted, keyed hash, mask) on the way in,
 * masked on the way out, revealed only for a read whose unmask the caller's {@code Disclosure} check has granted and
 * audited. The contexts name the fields for the cipher: a value decrypts only under the context it was written with,
 * so they must not change while such values are stored.
 */
@Component
class IncidentReporters {

    static final String NAME = "incident.reporter.name";
    static final String ID_NUMBER = "incident.reporter.idNumber";
    static final String PHONE = "incident.reporter.phone";
    static final String ADDRESS = "incident.reporter.address";

    private final PersonalData personalData;

    IncidentReporters(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** The stored form of what the desk typed; {@code null} when no detail was given at all. */
    Incident.Reporter protect(ReportIncident.Reporter input) {
        if (input == null) {
            return null;
        }
        Incident.Reporter reporter = new Incident.Reporter(
                personalData.protect(NAME, given(input.name()), Masker.NAME),
                personalData.protect(ID_NUMBER, given(input.idNumber()), Masker.ID_NUMBER),
                personalData.protect(PHONE, given(input.phone()), Masker.MOBILE),
                personalData.protect(ADDRESS, given(input.address()), Masker.ADDRESS));
        boolean empty = Stream.of(reporter.name(), reporter.idNumber(), reporter.phone(), reporter.address())
                .allMatch(v -> v == null);
        return empty ? null : reporter;
    }

    /** The plaintext (normalised) values; only after {@code Disclosure.unmask} said yes. */
    IncidentView.ReporterView revealed(Incident.Reporter reporter) {
        if (reporter == null) {
            return null;
        }
        return new IncidentView.ReporterView(personalData.reveal(NAME, reporter.name()),
                personalData.reveal(ID_NUMBER, reporter.idNumber()), personalData.reveal(PHONE, reporter.phone()),
                personalData.reveal(ADDRESS, reporter.address()), false);
    }

    /** Incidents whose reporter gave this mobile number, in whatever notation (+86, spaces) it is written. */
    Criteria withPhone(String phone) {
        return Criteria.where("reporter.phone.hash").is(personalData.searchHash(phone, Masker.MOBILE));
    }

    /** Incidents whose reporter gave this identity number (a lower-case x matches the stored X). */
    Criteria withIdNumber(String idNumber) {
        return Criteria.where("reporter.idNumber.hash").is(personalData.searchHash(idNumber, Masker.ID_NUMBER));
    }

    String searchHashOfIdNumber(String idNumber) {
        return personalData.searchHash(idNumber, Masker.ID_NUMBER);
    }

    /** A blank name or address is "not given", not a value worth encrypting. */
    private static String given(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String masked(ProtectedValue value) {
        return value == null ? null : value.masked();
    }
}
