package org.herdbook.web.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.activation.DataHandler;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends {@link Letter}s through the SMTP server the environment names ({@code HERDBOOK_SMTP_*}),
 * once the transaction that asked for them has committed: a refused sign-up sends nothing.
 * Without an SMTP server the letter is written to the log instead, link included, so that a
 * foundation trying Herdbook out can still verify addresses.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Inject
    @ConfigProperty(name = "herdbook.smtp.host")
    Optional<String> host;
    @Inject
    @ConfigProperty(name = "herdbook.smtp.port", defaultValue = "25")
    int port;
    @Inject
    @ConfigProperty(name = "herdbook.smtp.username")
    Optional<String> username;
    @Inject
    @ConfigProperty(name = "herdbook.smtp.password")
    Optional<String> password;
    @Inject
    @ConfigProperty(name = "herdbook.smtp.starttls", defaultValue = "false")
    boolean startTls;
    @Inject
    @ConfigProperty(name = "herdbook.mail.from", defaultValue = "herdbook@localhost")
    String from;

    public boolean isConfigured() {
        return host.filter(value -> !value.isBlank()).isPresent();
    }

    /** Says at start-up where e-mail goes. */
    public void announce() {
        if (isConfigured()) {
            LOG.info(() -> "E-mail goes through the SMTP server " + host.get() + ":" + port + " from " + from + ".");
        } else {
            LOG.warning("No SMTP server is configured (HERDBOOK_SMTP_HOST): e-mails are written to this log instead of"
                    + " being sent.");
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Letter letter) {
        send(letter);
    }

    public void send(Letter letter) {
        if (!isConfigured()) {
            LOG.info(() -> "E-mail not sent (no SMTP server configured) to " + letter.to() + "\nSubject: "
                    + letter.subject() + "\n\n" + letter.body() + letter.attachments().stream()
                            .map(attachment -> "\n[attached: " + attachment.fileName() + "]").reduce("", String::concat));
            return;
        }
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(letter.to(), true));
            message.setSubject(letter.subject(), "UTF-8");
            if (letter.attachments().isEmpty()) {
                message.setText(letter.body(), "UTF-8");
            } else {
                MimeMultipart parts = new MimeMultipart();
                MimeBodyPart text = new MimeBodyPart();
                text.setText(letter.body(), "UTF-8");
                parts.addBodyPart(text);
                for (Letter.Attachment attachment : letter.attachments()) {
                    MimeBodyPart file = new MimeBodyPart();
                    file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(),
                            attachment.contentType())));
                    file.setFileName(attachment.fileName());
                    file.setDisposition(Part.ATTACHMENT);
                    parts.addBodyPart(file);
                }
                message.setContent(parts);
            }
            message.setHeader("Content-Language", letter.language().tag());
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException e) {
            // The deed is done and committed; the person can ask for the link again.
            LOG.log(Level.WARNING, "Could not send an e-mail through " + host.get() + ":" + port, e);
        }
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host.get());
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        if (username.isPresent()) {
            properties.put("mail.smtp.auth", "true");
            return Session.getInstance(properties, new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(username.get(), password.orElse(""));
                }
            });
        }
        return Session.getInstance(properties);
    }
}
