package org.herdbook.web.i18n;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The web module's words for Java code: {@code org/herdbook/web/messages*.properties}, then the
 * Bean Validation messages ({@code ValidationMessages*.properties}), which pages also use.
 */
@ApplicationScoped
public class Messages {

    public static final String BUNDLE = "org.herdbook.web.messages";
    public static final String VALIDATION_BUNDLE = "ValidationMessages";

    /** The message {@code key} in {@code language}, with {@code arguments} filled in. */
    public String get(Language language, String key, Object... arguments) {
        String pattern = find(BUNDLE, language, key);
        if (pattern == null) {
            pattern = find(VALIDATION_BUNDLE, language, key);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("no message " + key + " in " + BUNDLE + " or " + VALIDATION_BUNDLE);
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(arguments);
    }

    /**
     * A Bean Validation message template ({@code "{validation.email.required}"}) in {@code language};
     * a template that names no key of ours is returned as the validator rendered it.
     */
    public String validation(Language language, String template, String rendered) {
        if (template != null && template.startsWith("{") && template.endsWith("}")) {
            String text = find(VALIDATION_BUNDLE, language, template.substring(1, template.length() - 1));
            if (text != null) {
                return text;
            }
        }
        return rendered;
    }

    private static String find(String bundleName, Language language, String key) {
        ResourceBundle bundle = ResourceBundle.getBundle(bundleName, language.locale(), Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
