package org.tanchang.grid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * What a person sees and does on one matter's screen (#/matter/&lt;kind&gt;/&lt;id&gt;), for the console's browser
 * tests: the matter with its timeline and the steps offered, a step taken through its form, and a refused step
 * showing the API's own problem text with the form still filled in. Fields are named as in the step's request
 * schema ({@code remark}, {@code reason}, a nested one as {@code responsibleParty.name}).
 */
final class MatterChecks {

    private MatterChecks() {
    }

    /** Opens the matter and waits for it; returns the raw state shown (data-state). */
    static String open(ConsoleBrowser browser, String kind, String id) {
        browser.open("/console/#/matter/" + kind + "/" + id);
        browser.screenReady();
        browser.find(By.cssSelector(".matter-steps h2"));
        return browser.find(By.cssSelector(".matter-head .state")).getAttribute("data-state");
    }

    /** The steps the screen offers now (their action names), in the order shown. */
    static List<String> offeredSteps(ConsoleBrowser browser) {
        return browser.all(By.cssSelector(".matter-steps button.step")).stream()
                .map(button -> button.getAttribute("data-action")).toList();
    }

    /**
     * The matter's screen as its reader needs it: a heading with the matter's number, its state in words (not the
     * code), a timeline table with a caption, and no serious accessibility violation. Returns the steps offered.
     */
    static List<String> showsMatter(ConsoleBrowser browser, String kind, String id, String screenshot) {
        String state = open(browser, kind, id);
        WebElement stateShown = browser.find(By.cssSelector(".matter-head .state"));
        assertThat(stateShown.getText()).as("the state in words").isNotBlank().isNotEqualTo(state);
        assertThat(browser.all(By.tagName("h1"))).as("one h1").hasSize(1);
        assertThat(browser.all(By.cssSelector(".matter-timeline table caption, .matter-timeline .hint")))
                .as("a captioned timeline (or its empty note)").isNotEmpty();
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
        assertThat(browser.accessibilityViolations()).as("axe-core on the %s screen", kind).isEmpty();
        return offeredSteps(browser);
    }

    /**
     * Takes a step the way a person does: its button, its form filled in, submit; then the screen has read the matter
     * again, says the step is done, and shows the state the step leads to.
     */
    static void takeStep(ConsoleBrowser browser, String kind, String id, String action, Map<String, String> fields,
            String expectedState) {
        open(browser, kind, id);
        assertThat(offeredSteps(browser)).as("steps offered on %s %s", kind, id).contains(action);
        WebElement form = openForm(browser, action, fields);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement done = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".matter-status .done")));
        assertThat(done.getText()).as("the step's success").isNotBlank();
        browser.until(d -> expectedState.equals(d.findElement(By.cssSelector(".matter-head .state"))
                .getAttribute("data-state")));
        assertThat(browser.all(By.cssSelector(".matter-steps .problem"))).as("no problem shown").isEmpty();
    }

    /**
     * A refusal a real person meets: two people (or two tabs) open the same step; the first takes it, the second
     * presses submit afterwards. The second sees the problem exactly as the API words it (its title and detail, as
     * the page's own request of the same step with the same body answers), and keeps what they typed. Fields are
     * sent as strings, so use a step whose typed fields are text (remark, reason).
     */
    static void refusedStepShowsProblem(ConsoleBrowser first, ConsoleBrowser second, String kind, String id,
            String action, Map<String, String> fields) {
        open(first, kind, id);
        open(second, kind, id);
        WebElement late = openForm(second, action, fields);
        WebElement early = openForm(first, action, fields);
        early.findElement(By.cssSelector("button[type=submit]")).click();
        first.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".matter-status .done")));

        late.findElement(By.cssSelector("button[type=submit]")).click();
        showsTheApisProblem(second, late, kind, id, action, fields);
    }

    /**
     * A refusal for a value the browser cannot judge (a grid outside the person's area, a day already past): the
     * problem as the API words it, the input kept, and nothing else on the screen changed (state, timeline).
     */
    static void refusedStepShowsProblem(ConsoleBrowser browser, String kind, String id, String action,
            Map<String, String> fields) {
        String state = open(browser, kind, id);
        int entries = browser.all(By.cssSelector(".matter-timeline tbody tr")).size();
        WebElement form = openForm(browser, action, fields);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        showsTheApisProblem(browser, form, kind, id, action, fields);
        assertThat(browser.find(By.cssSelector(".matter-head .state")).getAttribute("data-state"))
                .as("the state shown after a refusal").isEqualTo(state);
        assertThat(browser.all(By.cssSelector(".matter-timeline tbody tr"))).as("the timeline after a refusal")
                .hasSize(entries);
        assertThat(browser.all(By.cssSelector(".matter-status .done"))).as("no success claimed").isEmpty();
    }

    private static void showsTheApisProblem(ConsoleBrowser browser, WebElement form, String kind, String id,
            String action, Map<String, String> fields) {
        WebElement problem = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form.step-form .problem")));
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.asyncScript(
                "const done = arguments[arguments.length - 1];"
                + "const xsrf = (document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '=').split('=')[1];"
                + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin', headers: {'Content-Type':"
                + " 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(xsrf)}, body: JSON.stringify(body(arguments[1]))})"
                + ".then(r => r.json().then(b => done({status: r.status, title: b.title, detail: b.detail})));"
                + "function body(fields) { const out = {}; for (const [k, v] of Object.entries(fields)) {"
                + " const path = k.split('.'); let o = out; path.slice(0, -1).forEach(p => { o = o[p] = o[p] || {}; });"
                + " o[path[path.length - 1]] = v; } return out; }",
                stepPath(browser, kind, id, action), fields);
        assertThat(((Number) answer.get("status")).intValue()).as("the API refuses the step").isBetween(400, 499);
        assertThat(problem.findElement(By.cssSelector(".problem-title")).getText()).as("the problem's title as sent")
                .isEqualTo(answer.get("title"));
        if (answer.get("detail") != null && !answer.get("detail").equals(answer.get("title"))) {
            assertThat(problem.findElement(By.cssSelector(".problem-detail")).getText())
                    .as("the problem's detail as sent").isEqualTo(answer.get("detail"));
        }
        assertThat(problem.getAttribute("role")).isEqualTo("alert");
        for (var field : fields.entrySet()) {
            WebElement input = form.findElement(By.id(inputId(action, field.getKey())));
            assertThat(input.getAttribute("value")).as("what was typed in %s is kept", field.getKey())
                    .isEqualTo(field.getValue());
        }
    }

    /** An officer's new incident in the grid (REPORTED), posted by the page as the signed-in person; its id. */
    static String newIncident(ConsoleBrowser browser, String gridCode) {
        return post(browser, "/api/incidents", Map.of("source", "WALK_IN", "gridCode", gridCode,
                "description", "浏览器测试：村民来所报称药材地里的当归被盗约20公斤"));
    }

    /** A mediator's new walk-in dispute in the grid (APPLIED), posted by the page as the signed-in person; its id. */
    static String newDispute(ConsoleBrowser browser, String gridCode) {
        return post(browser, "/api/disputes", Map.of("type", "LAND_BOUNDARY", "riskLevel", "LOW", "source", "WALK_IN",
                "gridCode", gridCode, "description", "浏览器测试：两户村民因地界石被移动发生争执"));
    }

    /**
     * The officer's day with one incident: reads it, registers it through the form, is refused a dispatch to a grid
     * outside their area, then dispatches it in one tab while a second tab of the same officer, opened on the same
     * form, is refused with the API's words.
     */
    static void officerTakesAStepAndALateTabIsRefused(ConsoleBrowser tab, ConsoleBrowser otherTab, String gridCode,
            String outsideGrid) {
        String id = newIncident(tab, gridCode);
        assertThat(showsMatter(tab, "incident", id, "matter-incident")).as("steps of a reported incident")
                .contains("register", "void");
        takeStep(tab, "incident", id, "register", Map.of("remark", "属实，已电话核实"), "REGISTERED");
        // a grid of another township: the pattern (15 digits) passes, the API's area rule does not (403)
        refusedStepShowsProblem(tab, "incident", id, "dispatch",
                Map.of("gridCode", outsideGrid, "officerId", tab.username()));
        refusedStepShowsProblem(tab, otherTab, "incident", id, "dispatch",
                Map.of("gridCode", gridCode, "officerId", tab.username(), "remark", "请今日到场"));
        assertThat(open(tab, "incident", id)).isEqualTo("DISPATCHED");
    }

    /** The mediator's dispute: reads it (screenshot), accepts it and starts mediating through the forms. */
    static void mediatorAcceptsAndStartsMediating(ConsoleBrowser browser, String gridCode) {
        String id = newDispute(browser, gridCode);
        assertThat(showsMatter(browser, "dispute", id, null)).as("steps of an applied dispute")
                .contains("accept", "decline");
        takeStep(browser, "dispute", id, "accept", Map.of("riskLevel", "MEDIUM", "remark", "双方同意调解"), "ACCEPTED");
        takeStep(browser, "dispute", id, "start-mediation", Map.of(), "MEDIATING");
        showsMatter(browser, "dispute", id, "matter-dispute");
    }

    private static String post(ConsoleBrowser browser, String path, Map<String, String> body) {
        browser.open("/console/");
        browser.screenReady();
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = (Map<String, Object>) browser.asyncScript(
                "const done = arguments[arguments.length - 1];"
                + "const xsrf = (document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN=')) || '=').split('=')[1];"
                + "fetch(arguments[0], {method: 'POST', credentials: 'same-origin', headers: {'Content-Type':"
                + " 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(xsrf), 'Idempotency-Key': crypto.randomUUID()},"
                + " body: JSON.stringify(arguments[1])}).then(r => r.json().then(b => done({status: r.status, body: b})))",
                path, body);
        assertThat(((Number) answer.get("status")).intValue()).as("POST %s answered %s", path, answer.get("body"))
                .isBetween(200, 201);
        return String.valueOf(((Map<?, ?>) answer.get("body")).get("id"));
    }

    /** The step's POST address as the screen's own table has it (the path may differ from the action's name). */
    private static String stepPath(ConsoleBrowser browser, String kind, String id, String action) {
        return (String) browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "import('/console/js/matter/step-forms.js').then(m => { const k = m.STEP_FORMS[arguments[0]];"
                + " done(k.base + '/' + encodeURIComponent(arguments[1]) + '/' + k.steps[arguments[2]].path); })",
                kind, id, action);
    }

    private static String inputId(String action, String field) {
        return "step-" + action + "-" + field.replace('.', '-');
    }

    /** Presses the step's button and fills its form: selects by value, dates as the date input's value, text typed. */
    private static WebElement openForm(ConsoleBrowser browser, String action, Map<String, String> fields) {
        browser.click(By.cssSelector(".matter-steps button.step[data-action='" + action + "']"));
        WebElement form = browser.find(By.cssSelector("form.step-form[data-action='" + action + "']"));
        for (var field : fields.entrySet()) {
            WebElement input = form.findElement(By.id(inputId(action, field.getKey())));
            if ("select".equals(input.getTagName())) {
                new Select(input).selectByValue(field.getValue());
            } else if ("date".equals(input.getAttribute("type"))) {
                browser.script("arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, field.getValue());
            } else {
                input.clear();
                input.sendKeys(field.getValue());
            }
        }
        return form;
    }
}
