package org.herdbook.web.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The current request's language, for Facelets ({@code #{language}}) and Java code alike.
 * {@link LanguageFilter} decides it; requests that bypass the filter get the browser's choice.
 */
@Named("language")
@RequestScoped
public class RequestLanguage {

    static final String ATTRIBUTE = RequestLanguage.class.getName();

    @Inject
    HttpServletRequest request;

    public Language current() {
        return decidedFor(request);
    }

    /** The language {@link LanguageFilter} decided for this request, or else the browser's choice. */
    public static Language decidedFor(ServletRequest request) {
        Object decided = request.getAttribute(ATTRIBUTE);
        if (decided instanceof Language language) {
            return language;
        }
        return Language.firstSpoken(request.getLocales()).orElse(Language.DEFAULT);
    }

    public Locale getLocale() {
        return current().locale();
    }

    public String getTag() {
        return current().tag();
    }

    public boolean is(String tag) {
        return current().tag().equals(tag);
    }

    /** The address of the current page in another language (the filter strips the parameter). */
    public String switchTo(String tag) {
        String query = request.getQueryString();
        String original = (String) request.getAttribute("jakarta.servlet.forward.request_uri");
        String path = original != null ? original : request.getRequestURI();
        String base = query == null || query.isEmpty() ? path + "?" : path + "?" + query + "&";
        return base + LanguageFilter.PARAMETER + "=" + Language.ofTag(tag).orElse(Language.DEFAULT).tag();
    }
}
