package org.herdbook.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /** A file attached to a letter. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /** A letter as a reader sees it: its text, and the files attached to it. */
    public record Letter(String to, String subject, String body, String language, List<Attachment> attachments) {
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
            String body;
            List<Attachment> attachments = new ArrayList<>();
            if (message.getContent() instanceof Multipart parts) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                        try (InputStream content = part.getInputStream()) {
                            attachments.add(new Attachment(part.getFileName(), part.getContentType(),
                                    content.readAllBytes()));
                        }
                    } else if (part.isMimeType("text/plain")) {
                        text.append(part.getContent());
                    }
                }
                body = text.toString();
            } else {
                body = String.valueOf(message.getContent());
            }
            return new Letter(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
                    body.replace("\r\n", "\n"), language == null ? "" : language[0], List.copyOf(attachments));
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
