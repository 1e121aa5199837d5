package org.herdbook.web.finance.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.paypal.entity.ImportProblem;
import org.herdbook.web.i18n.Language;

/** The finance module's messages ({@code org/herdbook/finance/messages}) in a language. */
@ApplicationScoped
public class FinanceTexts {

    public static final String BUNDLE = "org.herdbook.finance.messages";

    public String get(Language language, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), FinanceTexts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(arguments);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message " + key + " in " + BUNDLE, e);
        }
    }

    public String explain(Language language, Refusal refusal) {
        return get(language, refusal.messageKey(), refusal.arguments());
    }

    /** "Line 4: Unknown transaction type …", or the problem alone for the file as a whole. */
    public String explain(Language language, ImportProblem problem) {
        String text = get(language, problem.messageKey(), problem.arguments().toArray());
        return problem.line() == 0 ? text : get(language, "finance.import.line", problem.line(), text);
    }
}
