package org.tanchang.grid.petition.request;

import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/** The applicant's personal data between the API and the store: protected in, masked or revealed out. */
@Component
class Applicants {

    static final String NAME = "request.applicant.name";
    static final String ID_NUMBER = "request.applicant.idNumber";
    static final String PHONE = "request.applicant.phone";
    static final String ADDRESS = "request.location.address";

    private final PersonalData personalData;

    Applicants(PersonalData personalData) {
        this.personalData = personalData;
    }

    ServiceRequest.Applicant protect(SubmitRequest.Applicant input) {
        return new ServiceRequest.Applicant(personalData.protect(NAME, input.name(), Masker.NAME),
                personalData.protect(ID_NUMBER, input.idNumber(), Masker.ID_NUMBER),
                personalData.protect(PHONE, input.phone() == null || input.phone().isBlank() ? null : input.phone(),
                        Masker.MOBILE));
    }

    ServiceRequest.Location protect(SubmitRequest.Location input) {
        return input == null ? null : new ServiceRequest.Location(input.address() == null || input.address().isBlank()
                ? null : personalData.protect(ADDRESS, input.address(), Masker.ADDRESS), input.latitude(),
                input.longitude(), input.mediaUrl());
    }

    RequestView.ApplicantView masked(ServiceRequest.Applicant a) {
        return a == null ? null : new RequestView.ApplicantView(masked(a.name()), a.idNumber().masked(),
                a.phone() == null ? null : a.phone().masked(), true);
    }

    /** An Open311 request may come without a name (first_name/last_name are optional there). */
    static String masked(ProtectedValue value) {
        return value == null ? null : value.masked();
    }

    /** Only after {@code Disclosure.unmask} granted and audited the read. */
    RequestView.ApplicantView revealed(ServiceRequest.Applicant a) {
        return a == null ? null : new RequestView.ApplicantView(personalData.reveal(NAME, a.name()),
                personalData.reveal(ID_NUMBER, a.idNumber()), personalData.reveal(PHONE, a.phone()), false);
    }
}
