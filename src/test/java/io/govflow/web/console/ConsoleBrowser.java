package io.govflow.web.console;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.govflow.support.ApiClient;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Headless Chromium driven through Debian's chromedriver, both at fixed paths, so Selenium Manager is never asked
 * to find or download anything. Collects the browser's console log (content security policy violations) and its
 * network log (every URL it requested, and the bodies it received), and saves screenshots.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String REQUIRED = "GOVFLOW_REQUIRE_BROWSER";

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Path screenshots;
    private final List<JsonNode> network = new ArrayList<>();
    private final List<String> console = new ArrayList<>();
    private int shots;

    private ConsoleBrowser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Why the browser cannot run here, or null when chromium and its driver are installed. */
    static @Nullable String missing() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                return binary + " is not installed (Debian packages chromium and chromium-driver)";
            }
        }
        return null;
    }

    static ConsoleBrowser start(Path screenshots, Path downloads) throws IOException {
        Files.createDirectories(screenshots);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,2000",
                "--no-first-run", "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--disable-default-apps");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        logs.enable(LogType.PERFORMANCE, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        return new ConsoleBrowser(driver, screenshots);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        // the page re-renders on every poll, so an element found a moment ago may be gone: look again
        return new WebDriverWait(driver, PATIENCE).ignoring(StaleElementReferenceException.class).until(condition);
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    String text(String id) {
        return byId(id).getText();
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Saves the page as {@code NN-name.png}; answers the file. */
    Path screenshot(String name) {
        Path target = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Moves the browser's logs into this object (each read of a log empties it). */
    void collectLogs() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = ApiClient.JSON.readTree(entry.getMessage()).path("message");
            network.add(message);
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(entry.getLevel() + " " + entry.getMessage());
        }
    }

    /** Every line the page's console received so far. */
    List<String> consoleLines() {
        collectLogs();
        return List.copyOf(console);
    }

    /** Every URL the browser requested so far: documents, scripts, fetches, images. */
    List<String> requestedUrls() {
        collectLogs();
        List<String> urls = new ArrayList<>();
        for (JsonNode event : network) {
            if (event.path("method").asString("").equals("Network.requestWillBeSent")) {
                urls.add(event.path("params").path("request").path("url").asString(""));
                urls.add(event.path("params").path("documentURL").asString(""));
            }
        }
        return urls;
    }

    /** The body of the last response whose URL contains {@code urlPart}, as the browser received it. */
    String lastResponseBody(String urlPart) {
        collectLogs();
        List<String> received = new ArrayList<>();
        String requestId = null;
        for (JsonNode event : network) {
            JsonNode params = event.path("params");
            String method = event.path("method").asString("");
            if (method.equals("Network.responseReceived")
                    && params.path("response").path("url").asString("").contains(urlPart)) {
                received.add(params.path("requestId").asString());
            } else if (method.equals("Network.loadingFinished")
                    && received.contains(params.path("requestId").asString())) {
                requestId = params.path("requestId").asString();
            }
        }
        if (requestId == null) {
            throw new AssertionError("the browser received no response from a URL containing " + urlPart);
        }
        Map<String, Object> body = driver.executeCdpCommand("Network.getResponseBody",
                Map.of("requestId", requestId));
        return (String) body.get("body");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
