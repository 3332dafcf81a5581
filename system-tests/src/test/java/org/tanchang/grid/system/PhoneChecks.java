package org.tanchang.grid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;

/**
 * The grid member's phone page (/console/phone) as a member uses it, for {@link ConsoleBrowserIT}: a patrol report
 * with a dispute and its parties sent from the field, and a report typed without signal that waits on the phone and
 * is sent, once, when the network is back. The browser must be signed in as a grid member (member.yangjia), on the
 * {@link ConsoleBrowser.Screen#PHONE} screen. The place and the network are the browser's own, set through the
 * DevTools protocol the way Chrome's "Sensors" and "Offline" switches do.
 */
final class PhoneChecks {

    /** Near 杨家村 (the member's first grid). */
    static final double LATITUDE = 34.047;
    static final double LONGITUDE = 104.392;
    /** How long a queued report may take to leave after the network is back (the page sends on the online event). */
    private static final Duration BACK_ONLINE = Duration.ofSeconds(30);

    private PhoneChecks() {
    }

    /**
     * Opens the phone page, adds a DISPUTE finding (a livestock-damage dispute with an applicant and a respondent),
     * takes the place from the browser, sends it, and returns the report's id as the page shows it. Also checks the
     * report then heads the member's own reports and that axe-core finds nothing serious on the filled form.
     */
    static String submitReportWithDispute(ConsoleBrowser browser, String description, String applicant,
            String respondent) {
        return submitReportWithDispute(browser, description, applicant, respondent, null);
    }

    /** The same, with a second finding: a safety hazard described so (none when null). */
    static String submitReportWithDispute(ConsoleBrowser browser, String description, String applicant,
            String respondent, String hazard) {
        givePlace(browser);
        openPage(browser);
        browser.click(By.id("add-finding"));
        WebElement finding = browser.find(By.cssSelector("fieldset.finding"));
        assertThat(new Select(finding.findElement(By.className("finding-kind"))).getFirstSelectedOption().getText())
                .as("a new finding is a dispute unless chosen otherwise").isEqualTo("矛盾纠纷");
        finding.findElement(By.className("finding-description")).sendKeys(description);
        new Select(finding.findElement(By.className("dispute-type"))).selectByValue("LIVESTOCK_DAMAGE");
        new Select(finding.findElement(By.className("dispute-risk"))).selectByValue("MEDIUM");
        addParty(browser, finding, applicant, "APPLICANT");
        addParty(browser, finding, respondent, "RESPONDENT");
        finding.findElement(By.className("locate")).click();
        browser.until(d -> finding.findElement(By.className("where")).getText().contains("34.04700"));
        if (hazard != null) {
            browser.click(By.id("add-finding"));
            WebElement second = browser.until(d -> {
                List<WebElement> findings = d.findElements(By.cssSelector("fieldset.finding"));
                return findings.size() == 2 ? findings.get(1) : null;
            });
            new Select(second.findElement(By.className("finding-kind"))).selectByValue("HAZARD");
            second.findElement(By.className("finding-description")).sendKeys(hazard);
        }
        assertThat(browser.accessibilityViolations()).as("axe-core on the filled phone form").isEmpty();
        browser.script("arguments[0].scrollIntoView({block: 'start'})", finding);
        browser.screenshot("phone");

        browser.click(By.id("send"));
        String id = browser.until(d -> {
            List<WebElement> shown = d.findElements(By.id("sent-report-id"));
            return shown.isEmpty() || shown.get(0).getText().isBlank() ? null : shown.get(0).getText();
        });
        browser.until(d -> d.findElements(By.cssSelector("#my-reports [data-report-id='" + id + "']")).size() == 1);
        WebElement mine = browser.find(By.cssSelector("#my-reports [data-report-id='" + id + "']"));
        assertThat(mine.getText()).as("the report among the member's own").contains("矛盾纠纷").contains(description);
        assertThat(browser.all(By.cssSelector("#report-form fieldset.finding"))).as("the form, emptied for the next")
                .isEmpty();
        return id;
    }

    /**
     * With the network off, the page still opens (its shell comes from the service worker), a report sent is kept on
     * the phone as "waiting to send"; with the network back it is sent by itself, and it is among the member's
     * reports exactly once, on the page and in the API.
     */
    static void offlineReportIsSentWhenBackOnline(ConsoleBrowser browser) {
        String description = "离线上报 " + UUID.randomUUID();
        openPage(browser);
        // the worker takes the page over on its first visit (clients.claim); only then is its shell kept
        browser.until(d -> Boolean.TRUE.equals(browser.script("return !!navigator.serviceWorker.controller")));
        try {
            network(browser, false);
            openPage(browser);
            assertThat(browser.find(By.id("connection")).getAttribute("data-online")).as("the page knows it is offline")
                    .isEqualTo("false");
            browser.click(By.id("add-finding"));
            WebElement finding = browser.find(By.cssSelector("fieldset.finding"));
            new Select(finding.findElement(By.className("finding-kind"))).selectByValue("SENTIMENT");
            finding.findElement(By.className("finding-description")).sendKeys(description);
            browser.click(By.id("send"));
            assertThat(browser.find(By.id("queued")).getText()).as("what the member is told").contains("联网后");
            List<WebElement> waiting = browser.until(d -> {
                List<WebElement> shown = d.findElements(By.cssSelector("#outbox [data-state=waiting]"));
                return shown.isEmpty() ? null : shown;
            });
            assertThat(waiting).as("reports waiting to send").hasSize(1);
            assertThat(waiting.get(0).getText()).contains("等待发送").contains("社情民意");
        } finally {
            network(browser, true);
        }
        browser.until(BACK_ONLINE, d -> !d.findElements(By.id("flushed")).isEmpty());
        assertThat(browser.find(By.id("outbox-section")).isDisplayed()).as("nothing left waiting").isFalse();
        browser.until(d -> d.findElement(By.id("reports")).getText().contains(description));
        assertThat(browser.all(By.cssSelector("#my-reports .card")).stream()
                .filter(card -> card.getText().contains(description)).count())
                .as("the queued report among the member's reports on the page").isEqualTo(1);
        Object inApi = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/patrol-reports?memberId=' + encodeURIComponent(arguments[0]) + '&size=100',"
                + " {credentials: 'same-origin'}).then(r => r.json()).then(page => done(page.items.filter(r =>"
                + " (r.findings || []).some(f => f.description === arguments[1])).length), e => done(-1));",
                browser.username(), description);
        assertThat(inApi).as("the queued report in the API").isEqualTo(1L);
    }

    /**
     * The answer to a report was lost (sent, stored, but the phone never heard back): the report is still in the
     * phone's outbox with its key. The next start of the page sends it again with that key, and the API answers with
     * the first report rather than making a second: one report, the same id.
     */
    static void retryAfterALostAnswerIsTheSameReport(ConsoleBrowser browser) {
        String description = "回答丢失 " + UUID.randomUUID();
        openPage(browser);
        Object first = browser.asyncScript("const done = arguments[arguments.length - 1]; const text = arguments[0];"
                + "const user = arguments[1];"
                + "Promise.all([import('/console/js/api.js'), import('/console/js/phone/outbox.js')])"
                + ".then(async ([a, outbox]) => {"
                + "  const key = crypto.randomUUID();"
                + "  const body = {gridCode: document.getElementById('grid').value,"
                + "    startedAt: new Date(Date.now() - 3600000).toISOString(), endedAt: new Date().toISOString(),"
                + "    findings: [{kind: 'SENTIMENT', description: text}]};"
                + "  const report = await a.api('/api/patrol-reports', {method: 'POST', body, idempotencyKey: key});"
                + "  await outbox.put({key, username: user, body, photos: [], createdAt: new Date().toISOString()});"
                + "  done(report.id);"
                + "}).catch(e => done('failed: ' + e.message));", description, browser.username());
        assertThat(String.valueOf(first)).as("the first send").startsWith("pr-");

        openPage(browser);
        browser.until(d -> !d.findElements(By.id("flushed")).isEmpty());
        assertThat(browser.find(By.id("flushed")).getText()).as("the retry's answer").contains(String.valueOf(first));
        Object inApi = browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/patrol-reports?memberId=' + encodeURIComponent(arguments[0]) + '&size=100',"
                + " {credentials: 'same-origin'}).then(r => r.json()).then(page => done(page.items.filter(r =>"
                + " (r.findings || []).some(f => f.description === arguments[1])).map(r => r.id)), e => done(null));",
                browser.username(), description);
        assertThat(inApi).as("reports with that text in the API").isEqualTo(List.of(first));
    }

    private static void openPage(ConsoleBrowser browser) {
        browser.open("/console/phone");
        browser.until(d -> "true".equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.ready")));
        assertThat(browser.all(By.cssSelector("#main .problem"))).as("the phone page's start").isEmpty();
        browser.find(By.id("report-form"));
    }

    private static void addParty(ConsoleBrowser browser, WebElement finding, String name, String role) {
        finding.findElement(By.className("add-party")).click();
        List<WebElement> parties = finding.findElements(By.className("party"));
        WebElement party = parties.get(parties.size() - 1);
        party.findElement(By.className("party-name")).sendKeys(name);
        new Select(party.findElement(By.className("party-role"))).selectByValue(role);
    }

    /** The browser's position, allowed to the page, as a phone's GPS would give it. */
    private static void givePlace(ConsoleBrowser browser) {
        HasCdp cdp = (HasCdp) browser.driver();
        cdp.executeCdpCommand("Browser.grantPermissions", Map.of("origin", ConsoleBrowser.GATEWAY,
                "permissions", List.of("geolocation")));
        cdp.executeCdpCommand("Emulation.setGeolocationOverride", Map.of("latitude", LATITUDE, "longitude", LONGITUDE,
                "accuracy", 10));
    }

    /** DevTools' offline switch: requests fail as without signal, and the page's navigator.onLine follows. */
    private static void network(ConsoleBrowser browser, boolean online) {
        HasCdp cdp = (HasCdp) browser.driver();
        cdp.executeCdpCommand("Network.enable", Map.of());
        cdp.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
