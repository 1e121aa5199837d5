package org.herdbook.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SMTP server the integration-test server sends to (GreenMail, a real SMTP server in this
 * JVM), started once per test JVM on the port the server is configured with.
 */
public final class TestMail {

    private static GreenMail server;

    private TestMail() {
    }

    public static synchronized GreenMail server() {
        if (server == null) {
            int port = Integer.parseInt(System.getProperty("herdbook.it.smtp.port", "3925"));
            server = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** A letter as a reader sees it. */
    public record Letter(String to, String subject, String body, String language) {
        /** The first link in the body that starts with {@code prefix} (an address on the test server). */
        public String link(String pathPrefix) {
            Matcher matcher = Pattern.compile(Pattern.quote(TestServer.url(pathPrefix)) + "[^\\s]*").matcher(body);
            if (!matcher.find()) {
                throw new AssertionError("no link to " + pathPrefix + " in: " + body);
            }
            return matcher.group();
        }
    }

    /** The newest letter to {@code address} whose subject contains {@code subjectPart}, waiting up to 30 s. */
    public static Letter awaitLetter(String address, String subjectPart) {
        server();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Optional<Letter> found = lettersTo(address).stream().filter(letter -> letter.subject().contains(subjectPart))
                    .reduce((first, second) -> second);
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no e-mail to " + address + " about \"" + subjectPart + "\" within 30 s; got "
                + lettersTo(address));
    }

    public static List<Letter> lettersTo(String address) {
        return Arrays.stream(server().getReceivedMessages()).filter(message -> isTo(message, address))
                .map(TestMail::letter).toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Letter letter(MimeMessage message) {
        try {
            String[] language = message.getHeader("Content-Language");
            return new Letter(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
                    String.valueOf(message.getContent()).replace("\r\n", "\n"), language == null ? "" : language[0]);
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
