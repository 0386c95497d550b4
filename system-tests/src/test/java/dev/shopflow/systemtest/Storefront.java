package dev.shopflow.systemtest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The storefront at the gateway's {@code /} in a real browser ({@link Browser}), used as a customer uses it: through
 * its links, forms and buttons, never by calling the API behind it. Each step can be saved as a screenshot.
 */
final class Storefront implements AutoCloseable {

    private static final Duration STEP = Duration.ofSeconds(15);
    /** Kept on the page's window from opening to the end: if it is gone, the page was loaded again. */
    private static final String MARK = "shopflowTestMark";

    private final ChromeDriver driver;
    private final Path screenshots;
    private final AtomicInteger shots = new AtomicInteger();

    private Storefront(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Opens the storefront in a new browser; screenshots go to {@code screenshots}, which is emptied first. */
    static Storefront open(String gateway, Path screenshots) {
        deleteScreenshots(screenshots);
        var storefront = new Storefront(Browser.start(), screenshots);
        storefront.driver.get(gateway + "/");
        storefront.awaitVisible(By.cssSelector("li.card"));
        storefront.driver.executeScript("window." + MARK + " = 'kept';");
        return storefront;
    }

    void signUp(String name, String email, String password) {
        click(By.cssSelector("a[data-nav='sign-up']"));
        type(By.id("sign-up-name"), name);
        type(By.id("sign-up-email"), email);
        type(By.id("sign-up-password"), password);
        click(By.cssSelector("#sign-up-form button[type='submit']"));
        awaitText(By.id("account-name"), name);
    }

    void signIn(String email, String password) {
        click(By.cssSelector("a[data-nav='sign-in']"));
        type(By.id("sign-in-email"), email);
        type(By.id("sign-in-password"), password);
        click(By.cssSelector("#sign-in-form button[type='submit']"));
        awaitVisible(By.id("account-name"));
    }

    /** Tries to sign up with a password the API refuses, and answers the error the page shows beside it. */
    String signUpRefused(String name, String email, String password) {
        click(By.cssSelector("a[data-nav='sign-up']"));
        type(By.id("sign-up-name"), name);
        type(By.id("sign-up-email"), email);
        type(By.id("sign-up-password"), password);
        click(By.cssSelector("#sign-up-form button[type='submit']"));
        return awaitVisible(By.id("sign-up-password-error")).getText();
    }

    void openAdmin() {
        click(By.cssSelector("a[data-nav='admin']"));
        awaitVisible(By.id("stock-q"));
    }

    /** In the admin view: finds the product by SKU, sets its units on hand, and answers the availability shown then. */
    int setStock(String sku, Object productId, int quantity) {
        type(By.id("stock-q"), sku);
        driver.findElement(By.id("stock-q")).sendKeys(Keys.ENTER);
        var input = awaitVisible(By.id("stock-" + productId));
        String before = driver.findElement(By.cssSelector("tr[data-sku='" + sku + "'] [data-available]")).getDomAttribute("data-available");
        input.sendKeys(String.valueOf(quantity), Keys.ENTER);
        await().atMost(STEP).ignoreExceptions().until(() -> driver
                .findElement(By.cssSelector("tr[data-sku='" + sku + "'] [data-available]")).getDomAttribute("data-available"),
                shown -> !shown.equals(before) || problemShown() != null);
        if (problemShown() != null) {
            throw new AssertionError("Setting the stock showed a problem: " + problemShown());
        }
        return Integer.parseInt(driver.findElement(By.cssSelector("tr[data-sku='" + sku + "'] [data-available]"))
                .getDomAttribute("data-available"));
    }

    /** What each service's dead-letter section of the admin view shows, once all three have loaded. */
    List<String> deadLettersShown() {
        return await().atMost(STEP).ignoreExceptions().until(() -> driver.findElements(By.cssSelector(".dead-letter-source"))
                .stream().map(section -> section.findElement(By.cssSelector("h3 + div + div")).getText().strip()).toList(),
                shown -> shown.size() == 3 && !shown.contains("Loading…"));
    }

    /** Waits until the order page shows the payment, and answers that line. */
    String awaitPayment() {
        return awaitVisible(By.id("payment")).getText();
    }

    /** Searches from the product list and waits for the results. */
    void search(String words) {
        click(By.cssSelector("a[data-nav='products']"));
        type(By.id("search-q"), words);
        driver.findElement(By.id("search-q")).sendKeys(Keys.ENTER);
        awaitText(By.cssSelector("main h1"), "Products matching “" + words + "”");
        awaitVisible(By.id("result-count"));
    }

    /** The SKUs of the products listed. */
    List<String> listedSkus() {
        return driver.findElements(By.cssSelector("li.card")).stream().map(card -> card.getDomAttribute("data-sku")).toList();
    }

    /** Adds the listed product with this SKU and waits until the header counts it. */
    void addToCart(String sku, int unitsInCartAfter) {
        click(By.cssSelector("li.card[data-sku='" + sku + "'] button"));
        awaitText(By.id("nav-cart"), "Cart (" + unitsInCartAfter + ")");
    }

    void openCart() {
        click(By.id("nav-cart"));
        awaitVisible(By.cssSelector("main h1"));
    }

    /** Changes a line's quantity as a keyboard user does (type, then Tab) and waits until the header counts it. */
    void changeQuantity(Object productId, int quantity, int unitsInCartAfter) {
        var input = awaitVisible(By.id("quantity-" + productId));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), String.valueOf(quantity), Keys.TAB);
        awaitText(By.id("nav-cart"), "Cart (" + unitsInCartAfter + ")");
    }

    /** Checks the cart out with this payment method and answers the id of the order whose page then shows. */
    String checkout(String paymentMethod) {
        click(By.id("pay-" + paymentMethod));
        click(By.id("place-order"));
        awaitVisible(By.id("order-status"));
        String hash = (String) driver.executeScript("return location.hash;");
        return hash.substring("#/orders/".length());
    }

    /** Waits until the order page shows this status, and answers the reason shown beside it (null when none). */
    String awaitStatus(String status, Duration atMost) {
        awaitText(By.id("order-status"), status, atMost);
        var reason = driver.findElements(By.cssSelector("#cancellation-reason strong"));
        return reason.isEmpty() ? null : reason.getFirst().getText();
    }

    /** The statuses the order page received over the order's event stream, in order. */
    List<String> statusesReceivedLive() {
        return driver.findElements(By.cssSelector("#live-statuses li")).stream()
                .map(item -> item.getDomAttribute("data-status")).toList();
    }

    /** What the page says of the stream: open, reconnecting or closed. */
    String streamState() {
        return driver.findElement(By.id("stream-state")).getDomAttribute("data-state");
    }

    /** Waits until the timeline shows this step, and answers each step shown as "actor STEP". */
    List<String> awaitTimelineStep(String step) {
        awaitVisible(By.cssSelector("#timeline li[data-step='" + step + "']"));
        return driver.findElements(By.cssSelector("#timeline li")).stream()
                .map(item -> item.getDomAttribute("data-actor") + " " + item.getDomAttribute("data-step")).toList();
    }

    /** The problem the page shows (title, then detail), or null. */
    String problemShown() {
        var problems = driver.findElements(By.cssSelector(".problem"));
        return problems.isEmpty() ? null : problems.getFirst().getText();
    }

    /** Whether the page was never loaded again since it opened (every step happened in one page). */
    boolean stayedOnOnePage() {
        return "kept".equals(driver.executeScript("return window." + MARK + ";"));
    }

    /**
     * What the page's console reported that a working page never does: a Content-Security-Policy or Trusted Types
     * violation, or an uncaught error. (Failed loads, such as product images on a machine offline, are not counted.)
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Trusted Type")
                        || message.contains("Uncaught") || message.contains("TypeError") || message.contains("SyntaxError"))
                .toList();
    }

    /** Saves the whole page as {@code NN-name.png} and answers the file. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
            var size = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(size.getWidth(), Math.max(800, Math.min(4000, height.intValue() + 140))));
            Path file = screenshots.resolve(String.format("%02d-%s.png", shots.incrementAndGet(), name));
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(size);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private void click(By target) {
        awaitVisible(target).click();
    }

    private void type(By target, String text) {
        var input = awaitVisible(target);
        input.clear();
        input.sendKeys(text);
    }

    private WebElement awaitVisible(By target) {
        try {
            return await().atMost(STEP).ignoreExceptions().until(() -> driver.findElement(target), WebElement::isDisplayed);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("The page did not show " + target + " within " + STEP + "; it shows the problem: "
                    + problemShown() + "\n" + this, e);
        }
    }

    private void awaitText(By target, String text) {
        awaitText(target, text, STEP);
    }

    private void awaitText(By target, String text, Duration atMost) {
        try {
            await().atMost(atMost).ignoreExceptions()
                    .until(() -> driver.findElement(target).getText().strip(), text::equals);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("The page did not show \"" + text + "\" in " + target + " within " + atMost
                    + "; it shows the problem: " + problemShown() + "\n" + this, e);
        }
    }

    private static void deleteScreenshots(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For diagnostics in a failed assertion: where the page is and what it shows. */
    @Override
    public String toString() {
        return driver.getCurrentUrl() + "\n" + ((JavascriptExecutor) driver).executeScript("return document.body.innerText;");
    }
}
