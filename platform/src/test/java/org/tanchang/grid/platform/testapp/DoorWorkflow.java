package org.tanchang.grid.platform.testapp;

import static org.tanchang.grid.platform.testapp.Door.State.CLOSED;
import static org.tanchang.grid.platform.testapp.Door.State.LOCKED;
import static org.tanchang.grid.platform.testapp.Door.State.OPEN;

import java.time.Instant;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.workflow.Deadline;
import org.tanchang.grid.platform.workflow.Procedure;
import org.tanchang.grid.platform.workflow.Step;
import org.tanchang.grid.platform.workflow.TimeLimit;
import org.tanchang.grid.platform.time.WorkCalendar;
import org.tanchang.grid.platform.workflow.Workflow;

/** The door's table and bookkeeping, as a service writes them for its aggregate. */
@Component
class DoorWorkflow implements Procedure<Door, Door.State> {

    static final Workflow<Door.State> TABLE = Workflow.of("door", Door.State.class)
            .on("open").from(CLOSED).to(OPEN).by(Roles.OFFICER, Roles.GRID_MEMBER).limit("PT1H")
            .on("close").from(OPEN).to(CLOSED).by(Roles.OFFICER, Roles.GRID_MEMBER)
            .on("lock").from(CLOSED).to(LOCKED).by(Roles.SUPERVISOR, Roles.SYSTEM).scopes("grid.write")
            .on("knock").in(CLOSED, LOCKED).by(Roles.OFFICER, Roles.GRID_MEMBER)
            .build();

    private final Outbox outbox;
    private final WorkCalendar calendar;

    DoorWorkflow(Outbox outbox, WorkCalendar calendar) {
        this.outbox = outbox;
        this.calendar = calendar;
    }

    @Override
    public Workflow<Door.State> workflow() {
        return TABLE;
    }

    @Override
    public Door.State state(Door door) {
        return door.state;
    }

    @Override
    public void enter(Door door, Step<Door.State> step) {
        door.state = step.to();
        String limit = TABLE.action(step.action()).limit();
        if (step.changesState()) {
            door.deadline = limit == null ? null : Deadline.start(step.to().name(), TimeLimit.parse(limit), step.at(),
                    calendar);
        }
        door.log.add(step.action() + " by " + step.caller().subject());
    }

    @Override
    public OutboxEvent announce(Door door, Step<Door.State> step) {
        return step.changesState() ? outbox.event(Door.CHANGED, door.id, new Door.Changed(door.id, step.from().name(),
                step.to().name(), step.action())) : null;
    }

    /** A door of 杨家村's first grid in {@code state}, stored as the service would have created it. */
    static String newDoor(MongoOperations mongo, Door.State state) {
        Door door = new Door();
        door.gridCode = "621223101001001";
        door.state = state;
        door.version = 0L;
        return mongo.insert(door).id;
    }

    /** The door left open: yellow, then red, each announced once. */
    void raise(Door door, DeadlineFlag flag, Instant now) {
        door.deadline = door.deadline.announced(flag);
        door.outbox.add(outbox.event(Door.LEFT_OPEN, door.id, new Door.LeftOpen(door.id, flag.name())));
    }
}
