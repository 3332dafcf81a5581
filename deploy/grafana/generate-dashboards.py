#!/usr/bin/env python3
"""Writes the per-service and county dashboards of deploy/grafana/dashboards/ (the overview is edited by hand).

Run from the repository root after changing a panel here: python3 deploy/grafana/generate-dashboards.py
Every query is checked by system-tests' ComposeFileTest (promtool parses it, every metric it reads is in
deploy/prometheus/metrics.txt) and MetricsSystemIT (it runs on a Prometheus scraping the running suite).
"""
import json
import os

DS = {"type": "prometheus", "uid": "prometheus"}
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dashboards")
HTTP = 'uri!~"/actuator.*"'


class Board:
    def __init__(self, uid, title, description, job_variable=None):
        self.uid, self.title, self.description = uid, title, description
        self.panels, self.y, self.x, self.row_h, self.next_id = [], 0, 0, 0, 1
        self.job = job_variable

    def row(self, title):
        self.newline()
        self.panels.append({"type": "row", "id": self.id(), "title": title, "collapsed": False,
                            "gridPos": {"h": 1, "w": 24, "x": 0, "y": self.y}, "panels": []})
        self.y += 1

    def newline(self):
        if self.x:
            self.y += self.row_h
        self.x, self.row_h = 0, 0

    def id(self):
        self.next_id += 1
        return self.next_id - 1

    def add(self, kind, title, description, targets, w, h, unit="none", extra=None):
        if self.x + w > 24:
            self.newline()
        panel = {"type": kind, "id": self.id(), "title": title, "description": description, "datasource": DS,
                 "gridPos": {"h": h, "w": w, "x": self.x, "y": self.y},
                 "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
                 "targets": [dict({"datasource": DS, "refId": chr(65 + i), "expr": expr, "legendFormat": legend,
                                   "range": True, "instant": False}) for i, (expr, legend) in enumerate(targets)]}
        if kind == "stat":
            panel["options"] = {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                                "colorMode": "value", "graphMode": "area", "textMode": "auto"}
        if extra:
            panel["fieldConfig"]["defaults"].update(extra)
        self.panels.append(panel)
        self.x += w
        self.row_h = max(self.row_h, h)

    def stat(self, title, description, expr, unit="none", w=4, thresholds=None):
        extra = {"thresholds": {"mode": "absolute", "steps": thresholds}} if thresholds else None
        self.add("stat", title, description, [(expr, "")], w, 4, unit, extra)

    def graph(self, title, description, targets, unit="none", w=8):
        self.add("timeseries", title, description, targets, w, 8, unit)

    def json(self):
        templating = []
        if self.job:
            templating.append({"name": "job", "label": "service", "type": "constant", "query": self.job,
                               "hide": 2})
        return {"uid": self.uid, "title": self.title, "description": self.description, "tags": ["tanchang-grid"],
                "timezone": "browser", "editable": False, "graphTooltip": 1, "refresh": "30s",
                "schemaVersion": 39, "version": 1, "time": {"from": "now-6h", "to": "now"}, "timepicker": {},
                "annotations": {"list": []}, "links": [{"title": "Tanchang Grid", "type": "dashboards",
                                                        "tags": ["tanchang-grid"], "asDropdown": True}],
                "templating": {"list": templating}, "panels": self.panels}

    def write(self):
        with open(os.path.join(OUT, self.uid + ".json"), "w", encoding="utf-8") as f:
            json.dump(self.json(), f, ensure_ascii=False, indent=2)
            f.write("\n")


RED_GREEN = [{"color": "red", "value": None}, {"color": "green", "value": 1}]
GREEN_RED = [{"color": "green", "value": None}, {"color": "red", "value": 1}]


def process_panels(b, job):
    """Health, HTTP and JVM of one process kind: the same rows on every service dashboard."""
    j = 'job="%s"' % job
    b.row("Health")
    b.stat("Instances up", "Instances answering Prometheus, of tanchang:instances_desired (alert ServiceBelowDesiredInstances).",
           "sum(up{%s})" % j, thresholds=RED_GREEN)
    b.stat("Desired instances", "Targets Prometheus is told to scrape for this job (the recording rule tanchang:instances_desired).",
           'sum(tanchang:instances_desired{%s})' % j)
    b.stat("Requests / s", "HTTP requests per second, actuator scrapes left out.",
           "sum(rate(http_server_requests_seconds_count{%s, %s}[$__rate_interval]))" % (j, HTTP), "reqps")
    b.stat("5xx share", "Share of HTTP requests answered with a server error (alert HighServerErrorRate above 5%).",
           'sum(rate(http_server_requests_seconds_count{%s, %s, status=~"5.."}[$__rate_interval])) / sum(rate(http_server_requests_seconds_count{%s, %s}[$__rate_interval]))' % (j, HTTP, j, HTTP),
           "percentunit")
    b.stat("p99 latency", "99th percentile of the HTTP request duration (alert HighLatencyP99 above 1 s with traffic).",
           "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{%s, %s}[$__rate_interval])))" % (j, HTTP), "s")
    b.stat("Uptime", "Time since the youngest instance started.", "min(process_uptime_seconds{%s})" % j, "s")
    b.row("HTTP")
    b.graph("Requests by status", "HTTP requests per second by status.",
            [("sum by (status) (rate(http_server_requests_seconds_count{%s, %s}[$__rate_interval]))" % (j, HTTP), "{{status}}")], "reqps")
    b.graph("Latency", "Median and 99th percentile of the HTTP request duration.",
            [("histogram_quantile(0.5, sum by (le) (rate(http_server_requests_seconds_bucket{%s, %s}[$__rate_interval])))" % (j, HTTP), "p50"),
             ("histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{%s, %s}[$__rate_interval])))" % (j, HTTP), "p99")], "s")
    b.graph("Slowest endpoints (p99)", "The five endpoints with the highest 99th percentile.",
            [("topk(5, histogram_quantile(0.99, sum by (uri, le) (rate(http_server_requests_seconds_bucket{%s, %s}[$__rate_interval]))))" % (j, HTTP), "{{uri}}")], "s")
    b.row("JVM")
    b.graph("Heap", "Heap used and its maximum, per instance.",
            [('sum by (instance) (jvm_memory_used_bytes{%s, area="heap"})' % j, "used {{instance}}"),
             ('sum by (instance) (jvm_memory_max_bytes{%s, area="heap"})' % j, "max {{instance}}")], "bytes")
    b.graph("GC pause time", "Share of time spent in garbage-collection pauses.",
            [("sum by (instance) (rate(jvm_gc_pause_seconds_sum{%s}[$__rate_interval]))" % j, "{{instance}}")], "percentunit")
    b.graph("CPU", "Process CPU usage (share of the machine's cores).",
            [("process_cpu_usage{%s}" % j, "{{instance}}")], "percentunit")


def event_panels(b, job):
    """Outbox, events, consumer lag and audit chain: what the platform gives every service."""
    j = 'job="%s"' % job
    b.row("Events")
    b.stat("Outbox pending", "Events stored with their aggregate and not yet acknowledged by Kafka.",
           "sum(tanchang_outbox_pending{%s})" % j)
    b.stat("Oldest outbox event", "Age of the oldest event waiting in the outbox (alert OutboxEventWaiting above 1 minute).",
           "max(tanchang_outbox_oldest_age_seconds{%s})" % j, "s")
    b.stat("Own consumer lag", "Records of the suite's topics this service's consumer group has not committed yet, as measured by the topics' producers.",
           'sum(max by (topic) (tanchang_events_consumer_lag_records{group="%s"})) or vector(0)' % job)
    b.stat("Dead-lettered (range)", "Events this service gave up on after its retries (alert EventsDeadLettered).",
           "sum(increase(tanchang_events_dead_lettered_total{%s}[$__range])) or vector(0)" % j, thresholds=GREEN_RED)
    b.stat("Audit chain intact", "1 when the last periodic verification of this service's audit hash chain found every link intact (alert AuditChainBroken).",
           "min(tanchang_audit_chain_intact{%s})" % j, thresholds=RED_GREEN)
    b.stat("Audit chain verified", "Time since the audit chain was last verified (alert AuditChainNotVerified above 1 hour).",
           "max(tanchang_audit_chain_verification_age_seconds{%s})" % j, "s")
    b.graph("Events published", "Events published by topic and type.",
            [("sum by (topic, type) (rate(tanchang_events_published_total{%s}[$__rate_interval]))" % j, "{{type}}")], "ops")
    b.graph("Events consumed", "Events handled by this service's listeners by topic and outcome.",
            [("sum by (topic, outcome) (rate(tanchang_events_consumed_total{%s}[$__rate_interval]))" % j, "{{topic}} {{outcome}}")], "ops")
    b.graph("Consumer lag of this service's groups", "Per topic, from committed offsets and partition ends (alerts KafkaConsumerLagHigh, KafkaConsumerGroupStalled).",
            [('max by (group, topic) (tanchang_events_consumer_lag_records{group=~"%s.*"})' % job, "{{group}} {{topic}}")])
    b.graph("Readers of this service's topics", "Lag of every consumer group on the topics this service publishes, as it measures them.",
            [("max by (group, topic) (tanchang_events_consumer_lag_records{%s})" % j, "{{group}} {{topic}}")])
    b.graph("Outbox", "Pending events and relay failures.",
            [("sum(tanchang_outbox_pending{%s})" % j, "pending"),
             ("sum(rate(tanchang_outbox_publish_failures_total{%s}[$__rate_interval]))" % j, "failures / s")])
    b.graph("MongoDB commands", "Database commands per second by command.",
            [("sum by (command) (rate(mongodb_driver_commands_seconds_count{%s}[$__rate_interval]))" % j, "{{command}}")], "ops")


def service(job, title, description, business=None, events=True):
    b = Board("tanchang-" + job, "Tanchang Grid: " + title, description)
    process_panels(b, job)
    if events:
        event_panels(b, job)
    if business:
        business(b)
    b.write()


def grid_business(b):
    b.row("Patrols")
    b.graph("Patrol reports by township", "Patrol reports accepted per hour, by township.",
            [("sum by (township) (increase(tanchang_patrol_reports_submitted_total[1h]))", "{{township}}")])
    b.graph("Findings by kind", "Findings of accepted reports per hour, by kind.",
            [("sum by (kind) (increase(tanchang_patrol_findings_total[1h]))", "{{kind}}")])


def case_business(b):
    b.row("Incidents")
    b.stat("Open incidents overdue", "Open incidents whose current step is past its time limit.",
           "max(tanchang_incidents_overdue)", thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 1}])
    b.graph("Incidents by state", "Incidents (cases) in each state.",
            [("max by (state) (tanchang_incidents)", "{{state}}")], w=16)


def mediation_business(b):
    b.row("Disputes and visits")
    b.stat("Disputes overdue", "Disputes past their acceptance, mediation or confirmation limit.",
           "max(tanchang_disputes_overdue)", thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 1}])
    b.stat("Visits overdue", "Follow-up visits not made by their due day.", "max(tanchang_followup_visits_overdue)",
           thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 1}])
    b.stat("Visits scheduled", "Follow-up visits waiting to be made.", "max(tanchang_followup_visits_scheduled)")
    b.graph("Disputes by state", "Disputes in each state.", [("max by (state) (tanchang_disputes)", "{{state}}")], w=12)
    b.graph("Disputes opened by source", "Disputes opened per hour, by where they came from.",
            [("sum by (source) (increase(tanchang_mediation_disputes_opened_total[1h]))", "{{source}}")], w=12)


def petition_business(b):
    b.row("Service requests")
    b.stat("Overdue: first response", "Requests still waiting for the window's first step past its limit.",
           'max(tanchang_requests_overdue{measure="first-response"})', thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 1}])
    b.stat("Overdue: completion", "Open requests not completed or refused within their limit.",
           'max(tanchang_requests_overdue{measure="completion"})', thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 1}])
    b.graph("Requests by state", "Service requests in each state.", [("max by (state) (tanchang_requests)", "{{state}}")], w=16)


def notification_business(b):
    b.row("Deliveries")
    b.stat("Due, not sent", "Deliveries due now and not yet handed over.", "sum(tanchang_notification_queue_due)")
    b.stat("Oldest due", "Age of the oldest delivery that is due and not sent.", "max(tanchang_notification_queue_oldest_seconds)", "s")
    b.stat("Open inbox streams", "Server-Sent Event streams open now.", "sum(tanchang_notification_streams_open)")
    b.graph("Deliveries by channel and outcome", "Delivery attempts per second.",
            [("sum by (channel, outcome) (rate(tanchang_notification_deliveries_total[$__rate_interval]))", "{{channel}} {{outcome}}")], "ops", w=12)
    b.graph("Time from due to sent (p95)", "95th percentile from a delivery's due time to its hand-over, by channel.",
            [("histogram_quantile(0.95, sum by (channel, le) (rate(tanchang_notification_queue_age_seconds_bucket[$__rate_interval])))", "{{channel}}")], "s", w=12)


def gateway_business(b):
    b.row("Routing")
    b.graph("Calls to the services", "Requests the gateway sent on, by service and outcome.",
            [("sum by (routeId, outcome) (rate(spring_cloud_gateway_requests_seconds_count[$__rate_interval]))", "{{routeId}} {{outcome}}")], "reqps", w=12)
    b.graph("Service call latency (max)", "Slowest call to each service in the last scrape interval.",
            [("max by (routeId) (spring_cloud_gateway_requests_seconds_max)", "{{routeId}}")], "s", w=12)


def county():
    b = Board("tanchang-county", "Tanchang Grid: county figures",
              "The county's business figures for its leaders and on-call team: reports, findings, cases by state, overdue work and the share of open work within its time limits. Counts come from the services' databases every 30 s; rates from their counters.")
    b.row("Today's work")
    b.stat("Patrol reports (range)", "Patrol reports accepted in the selected range.",
           "sum(increase(tanchang_patrol_reports_submitted_total[$__range]))")
    b.stat("Findings (range)", "Findings reported in the selected range.", "sum(increase(tanchang_patrol_findings_total[$__range]))")
    b.stat("Disputes opened (range)", "Disputes opened in the selected range, from every source.",
           "sum(increase(tanchang_mediation_disputes_opened_total[$__range]))")
    b.stat("Open incidents", "Incidents not closed, voided or evaluated.",
           'sum(max by (state) (tanchang_incidents{state!~"CLOSED|VOIDED|EVALUATED"}))')
    b.stat("Open disputes", "Disputes still being handled.",
           'sum(max by (state) (tanchang_disputes{state!~"DECLINED|TERMINATED|CONFIRMED|FULFILLED"}))')
    b.stat("Open service requests", "Requests the window still owes a service.",
           'sum(max by (state) (tanchang_requests{state=~"SUBMITTED|PRECHECKED|INCOMPLETE|ACCEPTED|IN_PROCESS"}))')
    b.row("Overdue")
    orange = [{"color": "green", "value": None}, {"color": "orange", "value": 1}]
    b.stat("Incidents overdue", "Open incidents past the limit of their current step.", "max(tanchang_incidents_overdue)", thresholds=orange)
    b.stat("Disputes overdue", "Disputes past their acceptance, mediation or confirmation limit.", "max(tanchang_disputes_overdue)", thresholds=orange)
    b.stat("Visits overdue", "Follow-up visits not made by their due day.", "max(tanchang_followup_visits_overdue)", thresholds=orange)
    b.stat("Requests overdue", "Service requests past their first-response or completion limit.",
           "sum(max by (measure) (tanchang_requests_overdue))", thresholds=orange)
    b.graph("Overdue work", "Overdue items by kind over time (alert OverdueWorkRising when rising for 30 minutes).",
            [("sum by (kind) (tanchang:overdue_items)", "{{kind}}")], w=8)
    b.row("Within time limits")
    pct = "percentunit"
    b.stat("Incidents on time", "Share of open incidents whose current step is within its time limit.",
           '1 - max(tanchang_incidents_overdue) / clamp_min(sum(max by (state) (tanchang_incidents{state!~"CLOSED|VOIDED|EVALUATED"})), 1)', pct, w=6)
    b.stat("Disputes on time", "Share of open disputes within their running time limit.",
           '1 - max(tanchang_disputes_overdue) / clamp_min(sum(max by (state) (tanchang_disputes{state!~"DECLINED|TERMINATED|CONFIRMED|FULFILLED"})), 1)', pct, w=6)
    b.stat("Visits on time", "Share of scheduled follow-up visits not yet past their due day.",
           "1 - max(tanchang_followup_visits_overdue) / clamp_min(max(tanchang_followup_visits_scheduled), 1)", pct, w=6)
    b.stat("Requests on time", "Share of open service requests within their completion limit.",
           '1 - max(tanchang_requests_overdue{measure="completion"}) / clamp_min(sum(max by (state) (tanchang_requests{state=~"SUBMITTED|PRECHECKED|INCOMPLETE|ACCEPTED|IN_PROCESS"})), 1)', pct, w=6)
    b.row("Cases by state")
    b.graph("Incidents by state", "Incidents in each state.", [("max by (state) (tanchang_incidents)", "{{state}}")])
    b.graph("Disputes by state", "Disputes in each state.", [("max by (state) (tanchang_disputes)", "{{state}}")])
    b.graph("Service requests by state", "Requests in each state.", [("max by (state) (tanchang_requests)", "{{state}}")])
    b.row("Reports and findings")
    b.graph("Patrol reports by township", "Patrol reports accepted per hour, by township.",
            [("sum by (township) (increase(tanchang_patrol_reports_submitted_total[1h]))", "{{township}}")], w=12)
    b.graph("Findings by kind", "Findings per hour, by kind.",
            [("sum by (kind) (increase(tanchang_patrol_findings_total[1h]))", "{{kind}}")], w=12)
    b.write()


if __name__ == "__main__":
    service("gateway", "gateway", "The gateway: traffic, errors and latency at the suite's front door, and its calls to the services.",
            gateway_business, events=False)
    service("registry", "registry", "The Eureka registry replicas.", events=False)
    service("auth-server", "auth server", "The authorization server that signs every token.", events=False)
    service("console", "console", "The browser console: its pages, WebJars and settings, and the live feed it streams "
            "from Kafka to signed-in staff (reached only through the gateway).", events=False)
    service("grid-service", "grid-service", "Grids, members, patrol reports and statistics.", grid_business)
    service("case-service", "case-service", "Incidents (cases) and lost items.", case_business)
    service("mediation-service", "mediation-service", "Disputes, mediation and follow-up visits.", mediation_business)
    service("petition-service", "petition-service", "Service requests at the one window.", petition_business)
    service("notification-service", "notification-service", "Deliveries, inbox and live streams.", notification_business)
    county()
