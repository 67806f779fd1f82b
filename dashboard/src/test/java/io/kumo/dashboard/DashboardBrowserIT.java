package io.kumo.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless chromium through chromium-driver) against a whole running
 * cloud — the one {@code ./kumo up} starts, which the walkthrough test passes in with {@code -Dkumo.e2e.url}
 * and the demo and admin passwords. Without it the class is skipped: {@code mvn verify} alone has no cloud.
 * Screenshots of the main pages are kept in {@code target/screenshots}.
 */
class DashboardBrowserIT {

    private static final String URL = System.getProperty("kumo.e2e.url", "");
    private static final Path SHOTS = Path.of(System.getProperty("kumo.e2e.screenshots", "target/screenshots"));
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** Selenium's complaint that it has no DevTools bindings for this chromium: the tests use WebDriver only. */
    private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM.setLevel(Level.SEVERE);
    }

    private ChromeDriver browser;
    private Path profile;
    private WebDriverWait await;

    @BeforeEach
    void openBrowser() throws IOException {
        assumeTrue(!URL.isBlank(), "no running cloud given (-Dkumo.e2e.url)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("kumo.e2e.chromium", "/usr/bin/chromium"));
        // this machine's network is closed: without the background-networking flags chromium keeps trying to
        // reach Google's hosts; a fresh profile each time
        profile = Files.createTempDirectory("kumo-chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(
                System.getProperty("kumo.e2e.chromedriver", "/usr/bin/chromedriver")).toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(PATIENCE);
        // a condition may read an element of a page that is just being replaced (a redirect, a live refresh)
        await = new WebDriverWait(browser, PATIENCE, Duration.ofMillis(250));
        await.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile);
        }
    }

    @Test
    void aDeveloperLaunchesAnInstanceReadsItsConsoleAttachesAVolumeDeletesItAndLogsOut() {
        browser.get(URL + "/instances");
        assertThat(browser.getCurrentUrl()).as("a visitor is sent to the login form").endsWith("/login");
        shot("01-login");
        logIn("demo", System.getProperty("kumo.e2e.demo-password"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Overview");
        shot("02-overview");

        String volume = "e2e-data-" + System.currentTimeMillis() % 100000;
        browser.get(URL + "/volumes");
        browser.findElement(By.id("name")).sendKeys(volume);
        submit(By.cssSelector("form[action='/volumes'] button[type=submit]"));
        awaitRowStatus("/volumes", volume, "available");
        shot("03-volumes");

        browser.findElement(By.linkText("Instances")).click();
        await.until(ExpectedConditions.elementToBeClickable(By.linkText("Launch instance"))).click();
        await.until(ExpectedConditions.titleContains("Launch"));
        String name = "e2e-web-" + System.currentTimeMillis() % 100000;
        browser.findElement(By.id("name")).sendKeys(name);
        pick("imageId", System.getProperty("kumo.e2e.image", "kumo-tiny"));
        pick("flavorId", System.getProperty("kumo.e2e.flavor", "m1.tiny"));
        pick("networkId", System.getProperty("kumo.e2e.network", "private"));
        browser.findElement(By.id("userData")).sendKeys("#cloud-config\nhostname: " + name);
        shot("04-launch");
        submit(By.cssSelector("form[action='/instances'] button[type=submit]"));

        // the instance's page follows its state without a reload until it is ACTIVE
        await.until(ExpectedConditions.textToBePresentInElementLocated(By.id("instance-state"), "ACTIVE"));
        assertThat(browser.findElement(By.id("instance-state")).getText()).contains("Running");
        String instancePage = browser.getCurrentUrl();
        shot("05-instance");

        String serverId = instancePage.substring(instancePage.lastIndexOf('/') + 1);
        browser.get(URL + "/networks");
        assertThat(browser.findElements(By.cssSelector("#ports ~ table a[href='/instances/" + serverId + "']")))
                .as("the instance's port, linked to it").hasSize(1);
        browser.get(instancePage);

        browser.findElement(By.linkText("Console log")).click();
        await.until(d -> d.findElement(By.id("console-log")).getText().contains(name + " login:"));
        shot("06-console");

        browser.get(instancePage);
        new Select(browser.findElement(By.id("volumeId"))).selectByVisibleText(volume + " (1 GB)");
        submit(By.cssSelector("form[action$='/volumes'] button[type=submit]"));
        await.until(d -> {
            d.navigate().refresh();
            return d.findElement(By.id("volumes-title")).findElement(By.xpath("..")).getText().contains(volume
                    + " (1 GB)");
        });
        assertThat(browser.findElement(By.id("history-title")).findElement(By.xpath("..")).getText())
                .contains("attach_volume", "create");
        shot("07-instance-with-volume");

        submit(By.cssSelector("form[action$='/delete'] button"));
        browser.switchTo().alert().accept();
        await.until(ExpectedConditions.urlToBe(URL + "/instances"));
        await.until(d -> {
            d.navigate().refresh();
            return !d.findElement(By.id("instance-rows")).getText().contains(name);
        });
        awaitRowStatus("/volumes", volume, "available");
        deleteVolume(volume);

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(URL + "/instances");
        shot("08-instances-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        submit(By.cssSelector("form.logout button"));
        await.until(ExpectedConditions.urlContains("/login"));
        browser.get(URL + "/instances");
        assertThat(browser.getCurrentUrl()).as("logged out").endsWith("/login");
    }

    @Test
    void badInputIsRefusedWithTheServicesMessageAtTheFieldAndWhatWasTypedStays() {
        browser.get(URL + "/login");
        logIn("demo", System.getProperty("kumo.e2e.demo-password"));

        browser.get(URL + "/instances/new");
        browser.findElement(By.id("name")).sendKeys("e2e-bad");
        pick("imageId", System.getProperty("kumo.e2e.image", "kumo-tiny"));
        pick("flavorId", System.getProperty("kumo.e2e.flavor", "m1.tiny"));
        WebElement count = browser.findElement(By.id("count"));
        count.clear();
        count.sendKeys("lots");
        submit(By.cssSelector("form[action='/instances'] button[type=submit]"));
        assertThat(await.until(ExpectedConditions.presenceOfElementLocated(By.id("count-error"))).getText())
                .contains("min_count");
        assertThat(browser.findElement(By.id("count")).getAttribute("value")).isEqualTo("lots");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("e2e-bad");
        shot("09-launch-refused");

        browser.get(URL + "/volumes");
        browser.findElement(By.id("name")).sendKeys("e2e-huge");
        WebElement size = browser.findElement(By.id("size"));
        size.clear();
        size.sendKeys("0");
        submit(By.cssSelector("form[action='/volumes'] button[type=submit]"));
        assertThat(await.until(ExpectedConditions.presenceOfElementLocated(By.id("size-error"))).getText())
                .isNotBlank();
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("e2e-huge");
    }

    @Test
    void anImageIsUploadedThroughTheFormAndDeleted() throws IOException {
        browser.get(URL + "/login");
        logIn("demo", System.getProperty("kumo.e2e.demo-password"));
        Path disk = Files.createTempFile("kumo-e2e", ".img");
        try {
            Files.write(disk, new byte[3 << 20]);
            String name = "e2e-image-" + System.currentTimeMillis() % 100000;
            browser.get(URL + "/images");
            browser.findElement(By.id("name")).sendKeys(name);
            new Select(browser.findElement(By.id("diskFormat"))).selectByValue("raw");
            new Select(browser.findElement(By.id("hypervisorType"))).selectByValue("qemu");
            browser.findElement(By.id("file")).sendKeys(disk.toString());
            submit(By.cssSelector("#upload button[type=submit]"));

            awaitRowStatus("/images", name, "active");
            assertThat(browser.findElement(By.xpath("//tr[td[1][normalize-space()='" + name + "']]")).getText())
                    .contains("3.0 MiB", "raw", "qemu");
            shot("12-images");
            browser.findElement(By.xpath("//tr[td[1][normalize-space()='" + name + "']]//form[contains(@action,"
                    + "'/delete')]/button")).click();
            browser.switchTo().alert().accept();
            await.until(d -> d.findElements(By.xpath("//tr[td[1][normalize-space()='" + name + "']]")).isEmpty());
        } finally {
            Files.delete(disk);
        }
    }

    @Test
    void anOperatorDisablesAComputeHostWithAReasonAndEnablesItAgain() {
        browser.get(URL + "/login");
        logIn("admin", System.getProperty("kumo.e2e.admin-password"));
        browser.findElement(By.linkText("Hosts")).click();
        WebElement host = await.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr[data-host]")));
        String name = host.getAttribute("data-host");
        assertThat(host.getText()).contains("up", "enabled");

        host.findElement(By.name("reason")).sendKeys("e2e maintenance");
        submit(By.cssSelector("tr[data-host='" + name + "'] form[action$='/disable'] button"));
        browser.switchTo().alert().accept();
        await.until(d -> d.findElement(By.cssSelector("tr[data-host='" + name + "'] .service-status")).getText()
                .contains("disabled"));
        assertThat(browser.findElement(By.cssSelector("tr[data-host='" + name + "']")).getText())
                .contains("(e2e maintenance)");
        shot("10-hosts-disabled");

        submit(By.cssSelector("tr[data-host='" + name + "'] form[action$='/enable'] button"));
        await.until(d -> d.findElement(By.cssSelector("tr[data-host='" + name + "'] .service-status")).getText()
                .startsWith("enabled"));

        browser.findElement(By.linkText("Access")).click();
        await.until(ExpectedConditions.titleContains("Access"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Projects", "Users",
                "Role assignments", "Limits", "demo", "member");
        shot("13-access");

        browser.findElement(By.linkText("Audit log")).click();
        await.until(ExpectedConditions.titleContains("Audit log"));
        assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("success");
        shot("11-audit");
    }

    private void logIn(String user, String password) {
        assertThat(password).as("the password of " + user + " (-Dkumo.e2e.*-password)").isNotBlank();
        WebElement name = browser.findElement(By.id("user"));
        name.clear();
        name.sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        submit(By.cssSelector("form[action='/login'] button[type=submit]"));
        await.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.logout")));
    }

    private void pick(String select, String startingWith) {
        Select choice = new Select(browser.findElement(By.id(select)));
        choice.getOptions().stream().filter(o -> o.getText().startsWith(startingWith + " ")
                || o.getText().equals(startingWith)).findFirst().orElseThrow(() -> new AssertionError(
                        "no " + startingWith + " among the choices of " + select)).click();
    }

    private void submit(By button) {
        browser.findElement(button).click();
    }

    private void awaitRowStatus(String page, String name, String status) {
        await.until(d -> {
            d.get(URL + page);
            return d.findElements(By.xpath("//tr[td[1][normalize-space()='" + name + "']]")).stream()
                    .anyMatch(row -> row.getText().contains(status));
        });
    }

    private void deleteVolume(String name) {
        browser.get(URL + "/volumes");
        browser.findElement(By.xpath("//tr[td[1][normalize-space()='" + name + "']]//form[contains(@action,"
                + "'/delete')]/button")).click();
        browser.switchTo().alert().accept();
        await.until(d -> {
            d.get(URL + "/volumes");
            return d.findElements(By.xpath("//tr[td[1][normalize-space()='" + name + "']]")).isEmpty();
        });
    }

    private void shot(String name) {
        try {
            Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
