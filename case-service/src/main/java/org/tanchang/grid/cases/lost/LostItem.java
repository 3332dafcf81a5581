package org.tanchang.grid.cases.lost;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/** What lost reports and found items have in common: the description the matcher compares. */
class LostItem {

    /** A document in the item (ID card, bank card, driving licence): its number only as a protected value. */
    record DocumentNumber(String type, ProtectedValue number) {
    }

    String category;
    String description;
    GeoPoint location;
    String areaCode;
    List<DocumentNumber> documents = new ArrayList<>();

    /** Lost: the window in which it was lost; found: both the moment it was found. */
    Instant from;
    Instant to;
}
