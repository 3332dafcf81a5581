package org.tanchang.grid.cases.incident;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Adds what the handling collects to an open incident in the caller's area, each as one conditional update: evidence,
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
    private final IncidentSteps steps;
    private final PersonalData personalData;
    private final Clock clock;

    IncidentDetails(Incidents incidents, IncidentSteps steps, PersonalData personalData, Clock clock) {
        this.incidents = incidents;
        this.steps = steps;
        this.personalData = personalData;
        this.clock = clock;
    }

    Incident addEvidence(Caller caller, String id, DetailRequests.Evidence e) {
        Incident incident = open(caller, id);
        var evidence = new CaseDetails.Evidence(e.url(), e.type(), e.sha256(), e.description(), caller.subject(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        incident.details.evidence.add(evidence);
        steps.write(incident, new Update().push("details.evidence", evidence).push("timeline", entry(incident, caller,
                "add-evidence", "Evidence added: " + e.type() + " " + e.url()
                        + (e.description() == null || e.description().isBlank() ? "" : " (" + e.description() + ")"))));
        return incident;
    }

    Incident setMoney(Caller caller, String id, DetailRequests.Money money) {
        Incident incident = open(caller, id);
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
        steps.write(incident, new Update().set("details.amountInvolvedFen", involved)
                .set("details.amountRecoveredFen", recovered).push("timeline", entry(incident, caller, "set-money",
                        "Amounts: involved " + yuan(involved) + ", recovered " + yuan(recovered))));
        return incident;
    }

    Incident addVehicle(Caller caller, String id, DetailRequests.Vehicle v) {
        Incident incident = open(caller, id);
        var vehicle = new CaseDetails.Vehicle(v.plate(), v.description());
        incident.details.vehicles.add(vehicle);
        steps.write(incident, new Update().push("details.vehicles", vehicle).push("timeline", entry(incident, caller,
                "add-vehicle", "Vehicle added: " + v.plate()
                        + (v.description() == null || v.description().isBlank() ? "" : " (" + v.description() + ")"))));
        return incident;
    }

    Incident addPerson(Caller caller, String id, DetailRequests.Person p) {
        Incident incident = open(caller, id);
        var person = new CaseDetails.Person(p.role(), personalData.protect(PERSON_NAME, blankIsNull(p.name()),
                Masker.NAME), personalData.protect(PERSON_ID_NUMBER, p.idNumber(), Masker.ID_NUMBER),
                personalData.protect(PERSON_PHONE, p.phone(), Masker.MOBILE));
        incident.details.persons.add(person);
        steps.write(incident, new Update().push("details.persons", person).push("timeline", entry(incident, caller,
                "add-person", "Person added: " + p.role()
                        + (person.name() == null ? "" : " " + person.name().masked()))));
        return incident;
    }

    /** The entry of an addition, also appended to the incident in hand so the response shows it. */
    private Incident.TimelineEntry entry(Incident incident, Caller caller, String action, String remark) {
        var entry = new Incident.TimelineEntry(incident.state, caller.subject(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), remark, action, caller.name());
        incident.timeline.add(entry);
        return entry;
    }

    /** 200000 fen as "2000.00 yuan"; not given as "not given". */
    private static String yuan(Long fen) {
        return fen == null ? "not given" : java.math.BigDecimal.valueOf(fen, 2).toPlainString() + " yuan";
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
