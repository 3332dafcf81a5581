package org.tanchang.grid.system;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person at one browser: Debian's chromium, headless, driven by Debian's chromedriver (no driver is downloaded).
 * Signs in the way a person does (the console's sign-in button, the auth server's login form, back to the console
 * with the gateway's session cookie), so every test sees exactly what the gateway and the API let that person see.
 * Each instance is a fresh browser profile: its own cookies, its own session.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String GATEWAY = "http://localhost:" + System.getenv().getOrDefault("GATEWAY_PORT", "8080");
    static final String PASSWORD = System.getenv().getOrDefault("AUTH_DEMO_PASSWORD", "tanchang-demo");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    /** Screenshots of the main screens, linked from the README: written by the browser tests on every run. */
    static final Path SCREENSHOTS = Suite.ROOT.resolve("docs/console");
    static final Duration WAIT = Duration.ofSeconds(20);

    /** A desktop at a command centre, and a grid member's phone. */
    enum Screen {
        DESKTOP(1440, 900), PHONE(390, 844);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private String username;

    ConsoleBrowser(Screen screen) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=zh-CN", "--window-size=" + screen.width + "," + screen.height, "--hide-scrollbars",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh,en"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(screen.width, screen.height));
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /** Whether this machine has the browser and its driver (.ci/run installs both). */
    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static ConsoleBrowser signedIn(String username, Screen screen) {
        ConsoleBrowser browser = new ConsoleBrowser(screen);
        try {
            browser.signIn(username);
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    String username() {
        return username;
    }

    /** The console's sign-in button, the auth server's form, and back on the console showing the person's name. */
    void signIn(String user) {
        open("/console/");
        click(By.id("sign-in"));
        WebElement name = until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
        name.clear();
        name.sendKeys(user);
        WebElement password = driver.findElement(By.name("password"));
        password.clear();
        password.sendKeys(PASSWORD);
        password.submit();
        until(ExpectedConditions.urlContains("/console/"));
        until(d -> !d.findElement(By.id("who")).getText().isBlank());
        this.username = user;
    }

    void signOut() {
        click(By.id("logout-button"));
        until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
    }

    /** A path of the gateway (/console/#/map, /console/phone). */
    void open(String path) {
        driver.get(GATEWAY + path);
    }

    /** Waits until the console has shown the screen (main is no longer busy). */
    void screenReady() {
        until(d -> "false".equals(d.findElement(By.id("main")).getAttribute("aria-busy")));
    }

    void click(By by) {
        until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    WebElement find(By by) {
        return until(ExpectedConditions.presenceOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    String text(By by) {
        return find(by).getText();
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    <T> T until(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).until(condition::apply);
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** A script that ends by calling its last argument (e.g. after a fetch), with the value it passed. */
    Object asyncScript(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    /** The HTTP status the page's own fetch of this path gets (with the page's cookies, as the console's scripts). */
    long fetchStatus(String path) {
        return (Long) asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), e => done(-1));", path);
    }

    /** Writes docs/console/<name>.png (the README shows them). */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name, e);
        }
    }

    /**
     * axe-core's WCAG 2 A/AA rules on the page as it is now; the serious and critical violations, one line each
     * (rule, impact, help, the first elements), empty when there are none.
     */
    List<String> accessibilityViolations() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(ConsoleBrowser::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + rule.getNodes().stream()
                .limit(3).map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
    }

    /** What the browser's console logged at SEVERE level (script errors, refused CSP loads), for failure messages. */
    List<String> severeLogs() {
        try {
            return driver.manage().logs().get("browser").getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                    .map(entry -> entry.getMessage()).toList();
        } catch (RuntimeException unsupported) {
            return List.of();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
