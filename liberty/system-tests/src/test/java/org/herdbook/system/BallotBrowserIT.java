package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A member votes in Chromium, in either language: opens the ballot's public page, signs in, lets
 * the browser make and register a key (WebCrypto), casts a signed vote, reads the receipt, changes
 * the vote, and checks that it is in the log.
 */
class BallotBrowserIT {

    /** Changes one character in the middle of the signature of the receipt the page keeps in IndexedDB. */
    private static final String TAMPER_WITH_STORED_RECEIPT = """
            var done = arguments[arguments.length - 1];
            var voting = document.getElementById('voting').dataset;
            var name = voting.member + ':' + voting.ballot;
            var open = indexedDB.open('herdbook-voting', 1);
            open.onsuccess = function () {
                var keys = open.result.transaction('keys', 'readwrite').objectStore('keys');
                var get = keys.get(name);
                get.onsuccess = function () {
                    var record = get.result;
                    var parts = record.receipt.receipt.split('.');
                    var at = 20;
                    var swapped = parts[2].charAt(at) === 'A' ? 'B' : 'A';
                    parts[2] = parts[2].substring(0, at) + swapped + parts[2].substring(at + 1);
                    record.receipt.receipt = parts.join('.');
                    var put = keys.put(record, name);
                    put.onsuccess = function () { done('stored'); };
                    put.onerror = function () { done('put failed'); };
                };
                get.onerror = function () { done('get failed'); };
            };
            open.onerror = function () { done('open failed'); };
            """;

    private Chromium chromium;

    @BeforeAll
    static void smtp() {
        TestMail.server();
    }

    @BeforeEach
    void start() throws Exception {
        chromium = new Chromium();
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource({
        "en, Vote on this ballot, Sign and cast my vote, entry 1 of the 2, This page checked the receipt,"
                + " does not check out",
        "fr, Voter sur ce scrutin, Signer et déposer mon vote, l’entrée 1 des 2, Cette page a vérifié le reçu,"
                + " ne se vérifie pas"
    })
    void aMemberVotesChangesTheVoteAndChecksItIsInTheLog(String language, String voteLink, String button,
            String included, String receiptChecked, String receiptBad) {
        TestPeople.Person board = TestPeople.withRoles("browser board", "board");
        TestPeople.Person member = TestVoters.activeMember(language, "Browser Voter " + language);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonObject ballot = TestVoters.openYesNo(board, now.minusSeconds(60), now.plus(Duration.ofHours(1)),
                "{\"count\": 1}");
        String id = ballot.getJsonObject("ballot").getString("id");

        chromium.browser.get(TestServer.url("/ballot.xhtml?id=" + id + "&lang=" + language));
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("vote-link")));
        assertThat(chromium.text("vote-link")).isEqualTo(voteLink);
        assertThat(chromium.text("manifest-hash")).isEqualTo(ballot.getString("manifestHash"));
        chromium.click("vote-link");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("sign-in:email")));
        chromium.type("sign-in:email", member.email());
        chromium.type("sign-in:password", TestPeople.PASSWORD);
        chromium.click("sign-in:submit");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("cast")));
        assertThat(chromium.text("cast")).isEqualTo(button);

        chromium.click("choice-yes");
        chromium.click("cast");
        chromium.await(ExpectedConditions.textToBe(By.id("receipt-seq"), "0"));
        // The page itself checked the receipt against the key in the manifest, not the server's word.
        chromium.await(ExpectedConditions.attributeToBe(By.id("receipt"), "data-verified", "true"));
        assertThat(chromium.text("status")).contains(receiptChecked);
        String first = chromium.text("receipt-ballot-id");
        assertThat(chromium.browser.findElement(By.id("receipt-jws")).getAttribute("value")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(TestMail.awaitLetter(member.email(), language.equals("fr") ? "clé de vote" : "voting key").language())
                .isEqualTo(language);

        // A change of mind: the same browser signs a revote with the same key and a higher seq.
        chromium.click("choice-no");
        chromium.click("cast");
        chromium.await(ExpectedConditions.textToBe(By.id("receipt-seq"), "1"));
        assertThat(chromium.text("receipt-ballot-id")).isNotEqualTo(first);
        assertThat(chromium.text("receipt-leaf-index")).isEqualTo("1");

        chromium.click("check-inclusion");
        chromium.await(ExpectedConditions.attributeToBe(By.id("inclusion"), "data-included", "true"));
        assertThat(chromium.text("inclusion")).contains(included);

        // A receipt altered after the fact (one character of its signature) no longer checks out.
        Object tampered = ((JavascriptExecutor) chromium.browser).executeAsyncScript(TAMPER_WITH_STORED_RECEIPT);
        assertThat(tampered).isEqualTo("stored");
        chromium.browser.navigate().refresh();
        chromium.await(ExpectedConditions.attributeToBe(By.id("receipt"), "data-verified", "false"));
        assertThat(chromium.text("status")).contains(receiptBad);

        assertThat(TestDatabase.number("SELECT count(*) FROM ballots.vote WHERE ballot_id = ?::uuid", id)).isEqualTo(2);
        assertThat(TestDatabase.number("SELECT count(*) FROM ballots.vote_superseded WHERE ballot_id = ?::uuid", id))
                .isEqualTo(1);
        assertThat(TestDatabase.number("SELECT count(*) FROM ballots.voting_key WHERE ballot_id = ?::uuid", id))
                .isEqualTo(1);
    }
}
