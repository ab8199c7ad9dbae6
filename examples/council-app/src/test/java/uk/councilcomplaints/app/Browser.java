package uk.councilcomplaints.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, never a download) driven by the
 * keyboard only: {@link #tabTo} presses Tab until the element has focus, then the test presses Enter or types,
 * as someone without a mouse would. {@link #checkAccessibility} runs axe with the WCAG 2.2 A and AA rules;
 * {@link #screenshot} saves the page under {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final List<String> WCAG_22_AA =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final WebDriver driver;
    private final String base;

    Browser(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run does it)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--window-size=1280,1000", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(1280, 1000));
        this.base = "http://localhost:" + port;
    }

    WebDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    String title() {
        return driver.getTitle();
    }

    String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Presses Tab until {@code target} has focus; fails if 300 presses do not reach it. */
    WebElement tabTo(By target) {
        WebElement element = driver.findElement(target);
        for (int i = 0; i < 300; i++) {
            if (element.equals(driver.switchTo().activeElement())) {
                return element;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        fail("Tab never reached " + target + " on " + path());
        return element;
    }

    /** Tabs to the field and types into it (a select takes the option's first letters). */
    void type(By field, String text) {
        WebElement element = tabTo(field);
        if ("input".equals(element.getTagName()) || "textarea".equals(element.getTagName())) {
            new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.DELETE).perform();
        }
        new Actions(driver).sendKeys(text).perform();
    }

    /** Tabs to the select and moves down to the option with this value using the arrow keys. */
    void select(By field, String value) {
        WebElement select = tabTo(field);
        for (int i = 0; i < 50 && !value.equals(select.getDomProperty("value")); i++) {
            new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        }
        assertEquals(value, select.getDomProperty("value"), "select " + field);
    }

    /** Tabs into a radio group (its first radio) and moves to the radio with this value using the arrow keys. */
    void choose(String name, String value) {
        WebElement first = driver.findElements(By.name(name)).get(0);
        tabTo(By.id(first.getDomAttribute("id")));
        new Actions(driver).sendKeys(Keys.SPACE).perform();
        for (int i = 0; i < 10 && !value.equals(checkedValue(name)); i++) {
            new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        }
        assertEquals(value, checkedValue(name), "radio " + name);
    }

    private String checkedValue(String name) {
        return driver.findElements(By.name(name)).stream().filter(WebElement::isSelected).findFirst()
                .map(e -> e.getDomAttribute("value")).orElse(null);
    }

    /**
     * Tabs to a link or button and presses Enter; when that leads to another page (a link, a submit button), waits
     * until the browser has left this one and loaded the next, so that the test reads the new page, not the old.
     */
    void press(By target) {
        WebElement element = tabTo(target);
        boolean navigates = navigates(element);
        WebElement page = driver.findElement(By.tagName("html"));
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        if (navigates) {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.stalenessOf(page));
            wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        }
    }

    /**
     * Whether pressing Enter on {@code element} loads another page: a link to another address (not to a place on
     * this page), or a submit button.
     */
    private static boolean navigates(WebElement element) {
        String tag = element.getTagName();
        String type = element.getDomAttribute("type");
        String href = element.getDomAttribute("href");
        return "a".equals(tag) && href != null && !href.startsWith("#")
                || "button".equals(tag) && (type == null || "submit".equals(type))
                || "input".equals(tag) && "submit".equals(type);
    }

    /** Tabs to a checkbox and ticks it with the space bar. */
    void tick(By checkbox) {
        WebElement box = tabTo(checkbox);
        if (!box.isSelected()) {
            new Actions(driver).sendKeys(Keys.SPACE).perform();
        }
        assertEquals(true, box.isSelected(), "ticked " + checkbox);
    }

    void signIn(String user) {
        open("/login");
        type(By.id("username"), user);
        type(By.id("password"), "demo-password");
        press(By.cssSelector("main button[type=submit]"));
    }

    void signOut() {
        press(By.cssSelector(".app-user-bar__button"));
    }

    /** Saves a PNG of the whole window under target/screenshots. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Object height = ((ChromeDriver) driver).executeScript("return document.documentElement.scrollHeight");
            driver.manage().window().setSize(new Dimension(1280, Math.max(1000, ((Number) height).intValue())));
            File png = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            driver.manage().window().setSize(new Dimension(1280, 1000));
            Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs axe with the WCAG 2.2 A and AA rules on the page; fails naming every violation and where. */
    void checkAccessibility(String page) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(driver);
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            fail(page + " (" + path() + ") breaks " + violations.size() + " WCAG 2.2 AA rule(s):\n"
                    + violations.stream().map(Browser::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + ": " + rule.getHelp() + " at " + rule.getNodes().stream()
                .map(CheckedNode::getTarget).map(String::valueOf).limit(5).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
