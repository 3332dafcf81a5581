package org.tanchang.grid.benchmarks.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 19's performance target for the console, measured in a real browser (Debian's chromium, headless): the
 * first contentful paint of the command centre and the moment its map has drawn the grids and their figures (the
 * screen's {@code performance.mark('console:map-ready')}), then, with 1,000 more grids in a township of their own,
 * how smoothly the map pans: the page counts frame intervals with requestAnimationFrame while the mouse drags the
 * map for about five seconds (real input events, so Leaflet pans, coasts and redraws its canvas as it would for a
 * person). Prints figures and asserts nothing: timings belong in a benchmark, not in a test.
 *
 * <p>Usage: {@code BENCH_TOKEN=<supervisor.county's access token> java -cp <classpath> ...ConsoleMapBenchmark
 * [gatewayUrl] [grids] [panSeconds]} (defaults http://localhost:8080 1000 5); {@code bench/console.sh} builds the
 * classpath and signs in for it. Environment: CHROME_BIN (/usr/bin/chromium), CHROMEDRIVER (/usr/bin/chromedriver),
 * BENCH_USER (supervisor.county), BENCH_PASSWORD (tanchang-demo), BENCH_SCREENSHOT (a PNG path, optional).
 */
public final class ConsoleMapBenchmark {

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** The page's own frame counter: the benchmark's, installed by it, never part of the console's code. */
    private static final String START_FRAMES = """
            window.__benchFrames = { times: [], running: true };
            const step = (t) => { const f = window.__benchFrames; f.times.push(t); if (f.running) requestAnimationFrame(step); };
            requestAnimationFrame(step);
            """;
    private static final String STOP_FRAMES = """
            window.__benchFrames.running = false;
            return window.__benchFrames.times;
            """;
    private static final String TIMINGS = """
            const fcp = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
            const ready = performance.getEntriesByName('console:map-ready')[0];
            const map = document.querySelector('[data-map]');
            return { fcp: fcp ? fcp.startTime : -1, ready: ready ? ready.startTime : -1,
                     grids: map ? Number(map.dataset.gridsDrawn || 0) : 0 };
            """;

    private ConsoleMapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://localhost:8080";
        int grids = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int panSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        String token = System.getenv("BENCH_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("set BENCH_TOKEN to supervisor.county's access token (auth-server/user-token.sh)");
        }
        List<String> rows = new ArrayList<>();
        WebDriver driver = chromium();
        try {
            signIn(driver, gateway);
            rows.add(row("first load after sign-in", timings(driver), null));
            rows.add(row("reload", reload(driver, gateway), null));

            int held = new BenchmarkGrids(gateway, token).ensure(grids);
            System.out.printf("township %s holds %d benchmark grids%n", BenchmarkGrids.TOWNSHIP, held);
            Map<String, Object> loaded = reload(driver, gateway);
            rows.add(row("%d in 621223199, reload, pan %d s".formatted(held, panSeconds), loaded, pan(driver, panSeconds)));
            String screenshot = System.getenv("BENCH_SCREENSHOT");
            if (screenshot != null && !screenshot.isBlank()) {
                Files.write(Path.of(screenshot), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            }
        } finally {
            driver.quit();
        }
        // the figures depend on what else the machine does: the load average goes with them
        System.out.printf("%nconsole map: %s, chromium headless 1600x1000, %d cores, load average %.1f%n", gateway,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("| run                                 | FCP ms | map-ready ms | grids drawn | frames | p50 ms | p95 ms | max ms | >50 ms |");
        System.out.println("| ----------------------------------- | -----: | -----------: | ----------: | -----: | -----: | -----: | -----: | -----: |");
        rows.forEach(System.out::println);
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1000",
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver")).toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** The real sign-in: the console's button, the auth server's form, back to the console's map. */
    private static void signIn(WebDriver driver, String gateway) {
        driver.get(gateway + "/console/");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")))
                .sendKeys(System.getenv().getOrDefault("BENCH_USER", "supervisor.county"));
        WebElement password = driver.findElement(By.name("password"));
        password.sendKeys(System.getenv().getOrDefault("BENCH_PASSWORD", "tanchang-demo"));
        password.submit();
        awaitMap(driver);
    }

    private static Map<String, Object> reload(WebDriver driver, String gateway) {
        driver.get("about:blank");
        driver.get(gateway + "/console/#/map");
        awaitMap(driver);
        return timings(driver);
    }

    private static void awaitMap(WebDriver driver) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-map][data-map-ready=true]")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> timings(WebDriver driver) {
        return (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(TIMINGS);
    }

    /** Frame intervals (ms) while the mouse drags the map around a square, one side per second. */
    @SuppressWarnings("unchecked")
    private static List<Double> pan(WebDriver driver, int seconds) {
        WebElement map = driver.findElement(By.cssSelector("[data-map]"));
        int cx = map.getLocation().getX() + map.getSize().getWidth() / 2;
        int cy = map.getLocation().getY() + map.getSize().getHeight() / 2;
        int[][] directions = {{1, 0}, {0, 1}, {-1, 0}, {0, -1}};
        int stepsPerDrag = 30;
        int stride = 10;
        ((JavascriptExecutor) driver).executeScript(START_FRAMES);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        for (int drag = 0; System.nanoTime() < end; drag++) {
            int[] d = directions[drag % directions.length];
            int x0 = cx - d[0] * stride * stepsPerDrag / 2;
            int y0 = cy - d[1] * stride * stepsPerDrag / 2;
            PointerInput mouse = new PointerInput(PointerInput.Kind.MOUSE, "mouse");
            Sequence sequence = new Sequence(mouse, 0);
            sequence.addAction(mouse.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), x0, y0));
            sequence.addAction(mouse.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
            for (int s = 1; s <= stepsPerDrag; s++) {
                sequence.addAction(mouse.createPointerMove(Duration.ofMillis(16), PointerInput.Origin.viewport(),
                        x0 + d[0] * stride * s, y0 + d[1] * stride * s));
            }
            sequence.addAction(mouse.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
            ((ChromeDriver) driver).perform(List.of(sequence));
        }
        List<Number> times = (List<Number>) ((JavascriptExecutor) driver).executeScript(STOP_FRAMES);
        List<Double> intervals = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            intervals.add(times.get(i).doubleValue() - times.get(i - 1).doubleValue());
        }
        return intervals;
    }

    private static String row(String name, Map<String, Object> timings, List<Double> intervals) {
        String frames = "| %6s | %6s | %6s | %6s | %6s |".formatted("-", "-", "-", "-", "-");
        if (intervals != null && !intervals.isEmpty()) {
            List<Double> sorted = new ArrayList<>(intervals);
            Collections.sort(sorted);
            long slow = sorted.stream().filter(i -> i > 50).count();
            frames = "| %6d | %6.1f | %6.1f | %6.1f | %6d |".formatted(sorted.size() + 1, pct(sorted, 50),
                    pct(sorted, 95), sorted.get(sorted.size() - 1), slow);
        }
        return "| %-35s | %6.0f | %12.0f | %11d %s".formatted(name, number(timings.get("fcp")),
                number(timings.get("ready")), (long) number(timings.get("grids")), frames);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : -1;
    }

    private static double pct(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
