package org.tanchang.grid.platform.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.web.ProblemException;

@RestController
class ParcelController {

    record RegisterParcel(@NotBlank String owner, @Positive @Max(30_000) int weightGrams, java.time.LocalDate deliverBy) {
    }

    private final MongoOperations mongo;
    private final Outbox outbox;

    ParcelController(MongoOperations mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    @PostMapping("/api/parcels")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> register(@Valid @RequestBody RegisterParcel request) {
        Parcel parcel = new Parcel();
        parcel.id = UUID.randomUUID().toString();
        parcel.owner = request.owner();
        parcel.weightGrams = request.weightGrams();
        parcel.deliverBy = request.deliverBy();
        parcel.outbox.add(outbox.event(Parcel.REGISTERED, parcel.id, new Parcel.Registered(parcel.id, parcel.owner)));
        mongo.insert(parcel);
        return Map.of("id", parcel.id);
    }

    @GetMapping("/api/parcels")
    Map<String, Object> count(@org.springframework.web.bind.annotation.RequestParam int minWeight) {
        return Map.of("count", mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("weightGrams").gte(minWeight)), Parcel.class));
    }

    @GetMapping("/api/parcels/{id}")
    Map<String, Object> get(@PathVariable String id) {
        Parcel parcel = mongo.findById(id, Parcel.class);
        if (parcel == null) {
            throw ProblemException.notFound("Parcel", id);
        }
        return Map.of("id", parcel.id, "owner", parcel.owner);
    }

    @PostMapping("/api/parcels/{id}/deliver")
    void deliver(@PathVariable String id) {
        throw ProblemException.conflict("Parcel " + id + " cannot be delivered: it is not registered",
                Map.of("state", "UNKNOWN", "allowed", java.util.List.of()));
    }
}
