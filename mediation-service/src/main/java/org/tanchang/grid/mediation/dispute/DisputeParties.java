package org.tanchang.grid.mediation.dispute;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/** Turns party requests into stored parties, with ID numbers and phones encrypted, hashed and masked. */
@Component
class DisputeParties {

    /** The contexts of the protected fields: the same context must be given to reveal them. */
    static final String ID_NUMBER = "dispute.party.idNumber";
    static final String PHONE = "dispute.party.phone";

    private final PersonalData personalData;

    DisputeParties(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** The parties numbered on from {@code firstIndex} (indexes never change: agreement terms refer to them). */
    List<Parts.Party> protect(List<DisputeRequests.PartyRequest> requests, int firstIndex) {
        List<Parts.Party> parties = new ArrayList<>();
        for (DisputeRequests.PartyRequest r : requests) {
            parties.add(new Parts.Party(firstIndex + parties.size(), r.kind(), r.role(), r.name().strip(),
                    personalData.protect(ID_NUMBER, r.idNumber(), Masker.ID_NUMBER),
                    personalData.protect(PHONE, r.phone(), Masker.MOBILE), r.claims()));
        }
        return parties;
    }

    static String masked(String context, ProtectedValue value) {
        return value == null ? null : value.masked();
    }
}
