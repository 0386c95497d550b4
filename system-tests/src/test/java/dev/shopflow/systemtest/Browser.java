package dev.shopflow.systemtest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A real headless browser for the storefront's tests: Chromium driven by chromedriver, both found on the
 * {@code PATH} (Debian's {@code chromium} and {@code chromium-driver} packages, which {@code .ci/run} installs).
 * Without them the browser tests are skipped on a developer's machine and fail on CI ({@code CI} set), so that CI
 * never passes without having run them.
 */
final class Browser {

    static final String HOW_TO_INSTALL = "The storefront's browser tests need Chromium and chromedriver on the PATH: "
            + "apt-get install chromium chromium-driver (Debian, Ubuntu), or install Chrome or Chromium and the "
            + "matching chromedriver";

    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

    private Browser() {
    }

    /** For {@code @EnabledIf}: the browser tests run when Chromium and chromedriver are found, and always on CI. */
    static boolean isFoundOrThisIsCi() {
        return System.getenv("CI") != null || (browser().isPresent() && driver().isPresent());
    }

    /** A new headless Chromium with its console kept for {@link org.openqa.selenium.WebDriver.Options#logs()}. */
    static ChromeDriver start() {
        var browser = browser().orElseThrow(() -> new AssertionError(HOW_TO_INSTALL));
        var driver = driver().orElseThrow(() -> new AssertionError(HOW_TO_INSTALL));
        var options = new ChromeOptions();
        options.setBinary(browser.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=en-GB", "--no-first-run", "--disable-extensions");
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30)).build();
        var chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
        return chrome;
    }

    private static Optional<Path> browser() {
        return BROWSERS.stream().map(Browser::onPath).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Path> driver() {
        return onPath("chromedriver");
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : path.split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(folder, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
