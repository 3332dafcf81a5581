package org.tanchang.grid.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.tanchang.grid.platform.test.ApiClient;

/**
 * The console in a real browser against the whole suite as run.sh starts it: each demo role signs in through the
 * gateway and the auth server and sees its screens; a grid member's report from the phone page arrives live at the
 * command centre; a workflow step is taken and a refused one shows the API's words. Screenshots of the main screens
 * go to docs/console/ (the README shows them); axe-core finds no serious accessibility violation on any of them.
 *
 * <p>The test command runs these on {@link FanOutSystemIT}'s suite (it extends this class: one start of the suite
 * instead of two, orders 10–19, before its last test stops a service); {@link ConsoleBrowserIT} runs them alone
 * against a suite that is already running.
 */
abstract class ConsoleInTheBrowser {

    /** 杨家村's first grid (理川镇), where the seed's patrol story happens; 马莲村 lies in another township (木耳乡). */
    static final String YANGJIA_GRID = "621223101001001";
    static final String MALIAN_GRID = "621223102001001";

    /** Each demo role, the screens the navigation offers it, and its home screen. */
    private static final Map<String, List<String>> NAVIGATION = Map.of(
            "supervisor.county", List.of("map", "deadlines", "window", "trends"),
            "supervisor.lichuan", List.of("map", "deadlines", "window", "trends"),
            "officer.lichuan", List.of("map", "deadlines", "trends"),
            "mediator.lichuan", List.of("map", "deadlines"),
            "clerk.lichuan", List.of("deadlines", "window"),
            "member.yangjia", List.of("map", "deadlines", "trends"));

    @org.junit.jupiter.api.BeforeEach
    void needsABrowser() {
        assumeTrue(ConsoleBrowser.available(), "chromium and chromedriver are not installed (.ci/run installs them)");
    }

    @Test
    @Order(10)
    void theSignInPageNeedsNoTokenAndIsAccessibleInBothLanguages() {
        try (ConsoleBrowser browser = new ConsoleBrowser(ConsoleBrowser.Screen.DESKTOP)) {
            browser.open("/console/");
            assertThat(browser.find(By.id("sign-in")).getText()).isEqualTo("登录");
            assertThat(browser.accessibilityViolations()).as("axe-core on the sign-in page").isEmpty();
            browser.screenshot("sign-in");
            new org.openqa.selenium.support.ui.Select(browser.find(By.id("locale"))).selectByValue("en");
            String english = browser.until(d -> {
                String text = d.findElement(By.id("sign-in")).getText();
                return "Sign in".equals(text) ? text : null;
            });
            assertThat(english).isEqualTo("Sign in");
            assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
            assertThat(browser.accessibilityViolations()).as("axe-core on the English sign-in page").isEmpty();
        }
    }

    @Test
    @Order(10)
    void everyDemoRoleSignsInAndIsOfferedItsScreensWithoutAnyTokenInTheBrowser() {
        for (var entry : NAVIGATION.entrySet()) {
            try (ConsoleBrowser browser = ConsoleBrowser.signedIn(entry.getKey(), ConsoleBrowser.Screen.DESKTOP)) {
                List<String> offered = browser.all(By.cssSelector("#nav a[data-route]")).stream()
                        .map(a -> a.getAttribute("data-route")).toList();
                assertThat(offered).as("the screens offered to %s", entry.getKey())
                        .containsExactlyElementsOf(entry.getValue());
                browser.screenReady();
                assertThat(browser.find(By.cssSelector("main h1")).getText()).as("%s's home screen", entry.getKey())
                        .isNotBlank();
                assertThat(browser.accessibilityViolations()).as("axe-core on %s's home screen", entry.getKey())
                        .isEmpty();
                // the browser holds a session cookie it cannot read, and no token of any kind
                Cookie session = browser.driver().manage().getCookieNamed("TANCHANG_SESSION");
                assertThat(session).as("the gateway's session cookie").isNotNull();
                assertThat(session.isHttpOnly()).as("HttpOnly").isTrue();
                assertThat(session.isSecure()).as("Secure").isTrue();
                assertThat(session.getSameSite()).as("SameSite").isEqualTo("Lax");
                Object readable = browser.script("return document.cookie + ' ' + JSON.stringify(localStorage) + ' '"
                        + " + JSON.stringify(sessionStorage)");
                assertThat(String.valueOf(readable)).as("what the page's scripts can read")
                        .doesNotContain("TANCHANG_SESSION").doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.");
            }
        }
    }

    @Test
    @Order(11)
    void signingOutEndsTheSessionAndTheApiAnswersTheBrowserWith401() {
        try (ConsoleBrowser browser = ConsoleBrowser.signedIn("officer.lichuan", ConsoleBrowser.Screen.DESKTOP)) {
            browser.signOut();
            assertThat(browser.fetchStatus("/api/incidents")).as("the API after sign-out").isEqualTo(401);
            assertThat(browser.fetchStatus("/bff/user")).as("who am I after sign-out").isEqualTo(401);
            browser.open("/console/");
            WebElement signIn = browser.find(By.id("sign-in"));
            assertThat(signIn.getText()).isEqualTo("登录");
        }
    }

    @Test
    @Order(15)
    void aWorkflowStepIsTakenFromTheMatterAndALateOneShowsTheApisProblem() {
        try (ConsoleBrowser tab = ConsoleBrowser.signedIn("officer.lichuan", ConsoleBrowser.Screen.DESKTOP);
                ConsoleBrowser otherTab = ConsoleBrowser.signedIn("officer.lichuan", ConsoleBrowser.Screen.DESKTOP)) {
            MatterChecks.officerTakesAStepAndALateTabIsRefused(tab, otherTab, YANGJIA_GRID, MALIAN_GRID);
        }
        try (ConsoleBrowser mediator = ConsoleBrowser.signedIn("mediator.lichuan", ConsoleBrowser.Screen.DESKTOP)) {
            MatterChecks.mediatorAcceptsAndStartsMediating(mediator, YANGJIA_GRID);
        }
    }

    @Test
    @Order(15)
    void aMatterOfAnotherTownshipIsNotShownAndOffersNoStep() {
        String id;
        try (ConsoleBrowser officer = ConsoleBrowser.signedIn("officer.lichuan", ConsoleBrowser.Screen.DESKTOP)) {
            id = MatterChecks.newIncident(officer, YANGJIA_GRID);
        }
        try (ConsoleBrowser other = ConsoleBrowser.signedIn("supervisor.muer", ConsoleBrowser.Screen.DESKTOP)) {
            other.open("/console/#/matter/incident/" + id);
            other.screenReady();
            WebElement problem = other.find(By.cssSelector("main .problem[role=alert]"));
            assertThat(other.fetchStatus("/api/incidents/" + id)).as("the API, for 木耳乡's supervisor").isEqualTo(404);
            assertThat(problem.getText()).as("the API's problem, shown").isNotBlank();
            assertThat(other.all(By.cssSelector(".matter-steps button.step"))).as("steps offered").isEmpty();
            assertThat(other.driver().getPageSource()).as("nothing of the incident").doesNotContain("当归被盗");
        }
    }

    @Test
    @Order(16)
    void theWindowQueueAndTheTrendsShowWhatTheApiCounts() throws Exception {
        ApiClient clerk = new ApiClient(ConsoleBrowser.GATEWAY).withToken(SignIn.user("clerk.lichuan"));
        ApiClient.Response submitted = clerk.post("/api/service-requests", "{\"itemCode\":\"ID-APPLY\",\"gridCode\":\""
                + YANGJIA_GRID + "\",\"applicant\":{\"name\":\"杨小禾\",\"idNumber\":\"110105194901020123\","
                + "\"phone\":\"13800138000\"},\"fields\":{\"reason\":\"到期换领\"},\"materials\":[],"
                + "\"description\":\"身份证到期，窗口代为受理\"}");
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
        try (ConsoleBrowser browser = ConsoleBrowser.signedIn("clerk.lichuan", ConsoleBrowser.Screen.DESKTOP)) {
            BoardChecks.windowQueueShowsRequest(browser, submitted.json().get("id").asString(),
                    submitted.json().get("number").asString());
            assertThat(browser.accessibilityViolations()).as("axe-core on the window's queue").isEmpty();
            browser.screenshot("window");
        }
        try (ConsoleBrowser browser = ConsoleBrowser.signedIn("supervisor.lichuan", ConsoleBrowser.Screen.DESKTOP)) {
            BoardChecks.trendsDrawCharts(browser);
            assertThat(browser.accessibilityViolations()).as("axe-core on the trends").isEmpty();
            browser.screenshot("trends");
        }
    }

    @Test
    @Order(12)
    void theCommandMapShowsEachPersonTheGridsOfTheirAreas() {
        try (ConsoleBrowser browser = ConsoleBrowser.signedIn("supervisor.county", ConsoleBrowser.Screen.DESKTOP)) {
            MapChecks.countySupervisorSeesEveryTownship(browser);
        }
        try (ConsoleBrowser browser = ConsoleBrowser.signedIn("supervisor.lichuan", ConsoleBrowser.Screen.DESKTOP)) {
            MapChecks.townshipSupervisorSeesOnlyTheirTownship(browser);
            MapChecks.choosingAGridShowsItsRosterAndMatters(browser, YANGJIA_GRID, "李德明");
        }
        try (ConsoleBrowser browser = ConsoleBrowser.signedIn("member.yangjia", ConsoleBrowser.Screen.DESKTOP)) {
            MapChecks.memberSeesOnlyTheirGrids(browser);
        }
        try (ConsoleBrowser browser = ConsoleBrowser.signedIn("mediator.lichuan", ConsoleBrowser.Screen.DESKTOP)) {
            MapChecks.mediatorSeesGridsWithoutErrors(browser);
        }
    }

    /**
     * The seed's patrol, from the member's phone to the township's command centre: 李德明 reports the cattle in the
     * herb seedlings and a leaning pole from the phone page; the map open at the 理川 centre lists the report as it
     * arrives and marks its grid, and the deadline board open beside it shows the hazard as its 20 s ordering limit
     * runs out (yellow, then red), all without a reload.
     */
    @Test
    @Order(13)
    void aReportFromThePhoneArrivesLiveOnTheCommandMapAndItsIgnoredHazardOnTheDeadlineBoard() throws Exception {
        try (ConsoleBrowser centre = ConsoleBrowser.signedIn("supervisor.lichuan", ConsoleBrowser.Screen.DESKTOP);
                ConsoleBrowser board = ConsoleBrowser.signedIn("supervisor.lichuan", ConsoleBrowser.Screen.DESKTOP);
                ConsoleBrowser phone = ConsoleBrowser.signedIn("member.yangjia", ConsoleBrowser.Screen.PHONE)) {
            MapChecks.openMap(centre);
            BoardChecks.openDeadlineBoard(board);

            String reportId = PhoneChecks.submitReportWithDispute(phone, "牧民的牛群踩踏了十余户药农的覆膜药苗", "杨某",
                    "马某", "村道旁电线杆倾斜，随时可能倒伏");

            MapChecks.liveItemArrives(centre, reportId, YANGJIA_GRID);
            centre.screenshot("map");
            ApiClient supervisor = new ApiClient(ConsoleBrowser.GATEWAY).withToken(SignIn.user("supervisor.lichuan"));
            String hazardId = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> {
                        var hazards = supervisor.get("/api/hazards?sourceReference=" + reportId).json().get("items");
                        return hazards.isEmpty() ? null : hazards.get(0).get("id").asString();
                    }, java.util.Objects::nonNull);
            // open 20 s, it rises GRID → TOWNSHIP → COUNTY (a fresh 20 s at each, the sweep every 5 s) and stays red
            // at the top: on the board, by the feed or the board's own re-reading, within about 90 s
            assertThat(BoardChecks.deadlineBoardReceivesMatter(board, "hazard", hazardId, java.time.Duration.ofSeconds(150)))
                    .as("the ignored hazard's flag on the board").isIn("YELLOW", "RED");
            assertThat(board.accessibilityViolations()).as("axe-core on the deadline board").isEmpty();
            board.screenshot("deadlines");
        }
    }

    @Test
    @Order(14)
    void aReportTypedOfflineIsSentOnceWhenThePhoneIsBackOnline() {
        try (ConsoleBrowser phone = ConsoleBrowser.signedIn("member.yangjia", ConsoleBrowser.Screen.PHONE)) {
            PhoneChecks.offlineReportIsSentWhenBackOnline(phone);
            PhoneChecks.retryAfterALostAnswerIsTheSameReport(phone);
        }
    }
}
