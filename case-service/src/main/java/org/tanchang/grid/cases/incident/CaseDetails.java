package org.tanchang.grid.cases.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/**
 * What the handling of a case collected: evidence, money (in fen, never a float), vehicles and persons involved.
 * Persons' identity numbers and phones are stored protected, like the reporter's.
 */
class CaseDetails {

    /** A file kept elsewhere (object store), referenced by URL and pinned by its SHA-256. */
    record Evidence(String url, String type, String sha256, String description, String addedBy, Instant at) {
    }

    record Vehicle(String plate, String description) {
    }

    record Person(String role, ProtectedValue name, ProtectedValue idNumber, ProtectedValue phone) {
    }

    List<Evidence> evidence = new ArrayList<>();
    Long amountInvolvedFen;
    Long amountRecoveredFen;
    List<Vehicle> vehicles = new ArrayList<>();
    List<Person> persons = new ArrayList<>();
}
