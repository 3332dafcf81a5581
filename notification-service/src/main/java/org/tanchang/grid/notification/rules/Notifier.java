package org.tanchang.grid.notification.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.notification.delivery.Channel;
import org.tanchang.grid.notification.delivery.DeliveryPlanner;
import org.tanchang.grid.notification.delivery.NewDelivery;
import org.tanchang.grid.notification.recipient.RecipientDirectory;
import org.tanchang.grid.notification.recipient.RecipientProfile;
import org.tanchang.grid.notification.template.MessageModel;
import org.tanchang.grid.notification.template.Templates;
import org.tanchang.grid.notification.webhook.WebhookSubscriptions;
import org.tanchang.grid.platform.consume.ReceivedEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the rules to one event: who is told (recipients, then webhook subscribers), on which channels, in which
 * language, when. Every message becomes a delivery with a derived id, so handling the same event again plans
 * nothing new, and a handling that failed halfway is completed by the retry.
 */
@Service
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Map<String, List<Rule>> rules;
    private final JsonMapper json;
    private final Recipients recipients;
    private final RecipientDirectory directory;
    private final WebhookSubscriptions webhooks;
    private final Templates templates;
    private final DeliveryPlanner planner;
    private final Clock clock;

    Notifier(RuleProperties properties, JsonMapper json, Recipients recipients, RecipientDirectory directory,
            WebhookSubscriptions webhooks, Templates templates, DeliveryPlanner planner, Clock clock) {
        this.rules = properties.byEvent();
        this.json = json;
        this.recipients = recipients;
        this.directory = directory;
        this.webhooks = webhooks;
        this.templates = templates;
        this.planner = planner;
        this.clock = clock;
        for (Rule rule : properties.rules()) {
            if (KnownEvents.named(rule.event()).isEmpty() || !templates.has(rule.kind())) {
                throw new IllegalStateException("Rule " + rule.id() + " names an unknown event " + rule.event()
                        + " or a kind without template " + rule.kind());
            }
            if (KnownEvents.addressed(rule.event()) && rule.webhookOwner() == null) {
                throw new IllegalStateException("Rule " + rule.id() + ": " + rule.event() + " concerns one agency; "
                        + "name its client in webhook-owner, or every agency subscribed to the kind would be told");
            }
        }
    }

    @SuppressWarnings("unchecked")
    void handle(ReceivedEvent<?> event) {
        // rules name the short event name; the type may come in reverse-DNS form or (from old records) short
        String type = EventType.nameOf(event.envelope().type());
        Map<String, Object> data = json.convertValue(event.data(), Map.class);
        for (Rule rule : rules.getOrDefault(type, List.of())) {
            if (!rule.matches(data)) {
                continue;
            }
            Instant due = dueAt(rule, data, event.envelope().time());
            if (due == null) {
                log.debug("Rule {} for event {}: the reminder's day has passed", rule.id(), event.eventId());
                continue;
            }
            Map<String, Object> model = MessageModel.of(data);
            if (rule.remind() != null && isLate(rule, data)) {
                model.put("late", true);   // the template says it is overdue, not "today"
            }
            Enrichment.add(event.data(), model);
            Context context = new Context(event, rule, data, model, due);
            for (String recipient : recipients.of(rule, data, LocalDate.now(clock))) {
                person(context, directory.profile(recipient, Fields.string(data, rule.recipientName())));
            }
            String area = Fields.string(data, rule.gridCode());
            List<WebhookSubscriptions.Subscriber> subscribers = rule.webhookOwner() == null
                    ? webhooks.matching(rule.kind(), area)
                    : webhooks.matching(rule.kind(), area, Fields.string(data, rule.webhookOwner()));
            for (WebhookSubscriptions.Subscriber subscriber : subscribers) {
                plan(context, "webhook:" + subscriber.id(), subscriber.name(), Channel.WEBHOOK, subscriber.id(),
                        subscriber.language(), null);
            }
        }
    }

    private record Context(ReceivedEvent<?> event, Rule rule, Map<String, Object> data, Map<String, Object> model,
            Instant due) {
    }

    private void person(Context c, RecipientProfile profile) {
        if (!profile.wants(c.rule().kind())) {
            return;
        }
        for (Channel channel : profile.channels()) {
            if (planner.available(channel)) {
                plan(c, profile.id(), profile.name(), channel, null, profile.language(), profile);
            }
        }
    }

    private void plan(Context c, String recipientId, String name, Channel channel, String target, String language,
            RecipientProfile profile) {
        Map<String, Object> model = new LinkedHashMap<>(c.model());
        model.put("recipientName", name);
        Templates.Message message = templates.render(c.rule().kind(), language, model);
        Rule rule = c.rule();
        String eventKey = rule.remind() == null ? c.event().eventId() : c.event().eventId() + "." + rule.id();
        planner.plan(new NewDelivery(eventKey, c.event().eventId(), EventType.nameOf(c.event().envelope().type()), rule.id(),
                rule.kind(), recipientId, name, channel, target, language, message.title(), message.body(),
                rule.subjectType(), Fields.string(c.data(), rule.subjectId()),
                Fields.string(c.data(), rule.gridCode()), c.due(),
                profile == null ? null : profile.quietFrom(), profile == null ? null : profile.quietTo()));
    }

    /**
     * Now, or the reminder's moment; null for a reminder whose day is already over, unless the rule catches up and
     * the day was already over when the event happened (then now).
     */
    private Instant dueAt(Rule rule, Map<String, Object> data, Instant happened) {
        Instant now = clock.instant();
        if (rule.remind() == null) {
            return now;
        }
        LocalDate day = reminderDay(rule, data);
        if (day == null) {
            return null;
        }
        if (day.isBefore(LocalDate.now(clock))) {
            boolean dueWhenItHappened = !LocalDate.ofInstant(happened, clock.getZone()).isBefore(day);
            return rule.remind().catchUp() && dueWhenItHappened ? now : null;
        }
        Instant at = day.atTime(rule.remind().at()).atZone(clock.getZone()).toInstant();
        return at.isBefore(now) ? now : at;
    }

    private static LocalDate reminderDay(Rule rule, Map<String, Object> data) {
        String date = Fields.string(data, rule.remind().dateField());
        return date == null ? null : LocalDate.parse(date).minusDays(rule.remind().daysBefore());
    }

    /** A reminder sent after its day (caught up): the message must not say "today". */
    private boolean isLate(Rule rule, Map<String, Object> data) {
        LocalDate day = reminderDay(rule, data);
        return day != null && day.isBefore(LocalDate.now(clock));
    }
}
