package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Chromium through the real pages: the home page, the language switch both ways, signing in and
 * out. Without Debian's chromium and chromium-driver this fails, saying how to install them.
 */
class BrowserIT {

    private Chromium chromium;
    private WebDriver browser;

    @BeforeEach
    void startChromium() throws Exception {
        chromium = new Chromium();
        browser = chromium.browser;
    }

    @AfterEach
    void stopChromium() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aVisitorSwitchesToFrenchAndBackThenSignsInAndOut() {
        browser.get(TestServer.url("/"));
        assertThat(text("foundation-name")).isEqualTo(TestServer.FOUNDATION_NAME);
        assertThat(text("sign-in-link")).isEqualTo("Sign in");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

        browser.findElement(By.id("lang-fr")).click();
        await(ExpectedConditions.textToBe(By.id("sign-in-link"), "Se connecter"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.getCurrentUrl()).doesNotContain("lang=");
        assertThat(text("welcome")).contains("cotisations");

        // The choice sticks on the next page.
        browser.findElement(By.id("sign-in-link")).click();
        await(ExpectedConditions.titleContains("Connexion"));

        browser.findElement(By.id("lang-en")).click();
        await(ExpectedConditions.titleContains("Sign in"));

        browser.findElement(By.id("sign-in:email")).sendKeys(TestServer.ADMIN_EMAIL);
        browser.findElement(By.id("sign-in:password")).sendKeys(TestServer.ADMIN_PASSWORD);
        browser.findElement(By.id("sign-in:submit")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
        assertThat(text("signed-in-as")).isEqualTo(TestServer.ADMIN_EMAIL);
        assertThat(text("roles")).isEqualTo("admin");
        assertThat(browser.getTitle()).contains("My account");

        browser.findElement(By.id("nav-admin")).click();
        await(ExpectedConditions.textToBe(By.id("time-zone"), "America/Winnipeg"));

        browser.findElement(By.id("sign-out:submit")).click();
        await(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-link")));
        browser.get(TestServer.url("/admin/index.xhtml"));
        await(ExpectedConditions.urlContains("/sign-in.xhtml"));
    }

    private String text(String id) {
        return chromium.text(id);
    }

    private void await(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        chromium.await(condition);
    }
}
