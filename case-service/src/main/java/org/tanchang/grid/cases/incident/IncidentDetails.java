package org.tanchang.grid.cases.incident;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.workflow.VersionedWrites;

/**
 * Adds what the handling collects to an open incident in the caller's area, each as one versioned write: evidence,
 * money, vehicles, persons (their personal data protected like the reporter's). A closed case is changed only after
 * a reopening (409). Each addition is also a timeline entry in the same update (the state stays; the remark says
 * what was added, a person only by role and masked name), so the timeline tells everything that changed the case.
 */
@Service
class IncidentDetails {

    static final String PERSON_NAME = "incident.person.name";
    static final String PERSON_ID_NUMBER = "incident.person.idNumber";
    static final String PERSON_PHONE = "incident.person.phone";

    private final Incidents incidents;
    private final VersionedWrites writes;
    private final PersonalData personalData;
    private final Clock clock;

    IncidentDetails(Incidents incidents, VersionedWrites writes, PersonalData personalData, Clock clock) {
        this.incidents = incidents;
        this.writes = writes;
        this.personalData = personalData;
        this.clock = clock;
    }

    Incident addEvidence(Caller caller, String id, DetailRequests.Evidence e) {
        return change(caller, id, "add-evidence", incident -> {
            incident.details.evidence.add(new CaseDetails.Evidence(e.url(), e.type(), e.sha256(), e.description(),
                    caller.subject(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
            return "Evidence added: " + e.type() + " " + e.url() + inBrackets(e.description());
        });
    }

    Incident setMoney(Caller caller, String id, DetailRequests.Money money) {
        return change(caller, id, "set-money", incident -> {
            Long involved = money.amountInvolvedFen() != null ? money.amountInvolvedFen()
                    : incident.details.amountInvolvedFen;
            Long recovered = money.amountRecoveredFen() != null ? money.amountRecoveredFen()
                    : incident.details.amountRecoveredFen;
            if (involved != null && recovered != null && recovered > involved) {
                throw ProblemException.invalid(List.of(new FieldError("amountRecoveredFen",
                        "must not exceed the amount involved (" + involved + " fen)")));
            }
            incident.details.amountInvolvedFen = involved;
            incident.details.amountRecoveredFen = recovered;
            return "Amounts: involved " + yuan(involved) + ", recovered " + yuan(recovered);
        });
    }

    Incident addVehicle(Caller caller, String id, DetailRequests.Vehicle v) {
        return change(caller, id, "add-vehicle", incident -> {
            incident.details.vehicles.add(new CaseDetails.Vehicle(v.plate(), v.description()));
            return "Vehicle added: " + v.plate() + inBrackets(v.description());
        });
    }

    Incident addPerson(Caller caller, String id, DetailRequests.Person p) {
        return change(caller, id, "add-person", incident -> {
            var person = new CaseDetails.Person(p.role(), personalData.protect(PERSON_NAME, blankIsNull(p.name()),
                    Masker.NAME), personalData.protect(PERSON_ID_NUMBER, p.idNumber(), Masker.ID_NUMBER),
                    personalData.protect(PERSON_PHONE, p.phone(), Masker.MOBILE));
            incident.details.persons.add(person);
            return "Person added: " + p.role() + (person.name() == null ? "" : " " + person.name().masked());
        });
    }

    /**
     * Applies {@code addition} (which answers the timeline's remark, or refuses) to the open incident and writes it
     * with its timeline entry, conditional on the version read.
     */
    private Incident change(Caller caller, String id, String action, Function<Incident, String> addition) {
        Incident incident = open(caller, id);
        VersionedWrites.Snapshot read = writes.read(incident);
        String remark = addition.apply(incident);
        incident.timeline.add(new Incident.TimelineEntry(incident.state, caller.subject(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), remark, action, caller.name()));
        writes.write(incident, read);
        return incident;
    }

    private static String inBrackets(String description) {
        return description == null || description.isBlank() ? "" : " (" + description + ")";
    }

    /** 200000 fen as "2000.00 yuan"; not given as "not given". */
    private static String yuan(Long fen) {
        return fen == null ? "not given" : BigDecimal.valueOf(fen, 2).toPlainString() + " yuan";
    }

    private Incident open(Caller caller, String id) {
        Incident incident = incidents.get(caller, id);
        if (!incident.isOpen()) {
            throw ProblemException.conflict("Incident " + id + " is " + incident.state + "; reopen it first",
                    Map.of("state", incident.state.name()));
        }
        return incident;
    }

    private static String blankIsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
