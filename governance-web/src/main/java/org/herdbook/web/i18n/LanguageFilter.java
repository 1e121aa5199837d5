package org.herdbook.web.i18n;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves each request's language and applies the switcher's choice.
 *
 * <p>{@code GET ...?lang=fr} stores the choice in a cookie and redirects to the same address
 * without the parameter, so the choice sticks and works without JavaScript. A signed-in
 * person's account preference comes first, and the switcher changes it.
 */
public class LanguageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @jakarta.inject.Inject
    transient AccountLanguage accountLanguage;

    static final String COOKIE = "herdbook_lang";
    public static final String PARAMETER = "lang";
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Language> chosen = Language.ofTag(request.getParameter(PARAMETER));
        if (chosen.isPresent() && "GET".equals(request.getMethod())) {
            Cookie cookie = new Cookie(COOKIE, chosen.get().tag());
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            cookie.setMaxAge(ONE_YEAR);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            accountLanguage.prefer(request, chosen.get());
            response.sendRedirect(addressWithoutLanguage(request.getRequestURI(), request.getQueryString()));
            return;
        }
        // An API client that names a language gets it; on pages the account's preference comes first.
        Optional<Language> asked = isApi(request) && request.getHeader("Accept-Language") != null
                ? Language.firstSpoken(request.getLocales()) : Optional.empty();
        Language language = asked.or(() -> accountLanguage.preferred(request)).or(() -> fromCookie(request))
                .or(() -> Language.firstSpoken(request.getLocales())).orElse(Language.DEFAULT);
        request.setAttribute(RequestLanguage.ATTRIBUTE, language);
        response.setHeader("Content-Language", language.tag());
        chain.doFilter(request, response);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static Optional<Language> fromCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(cookie -> COOKIE.equals(cookie.getName()))
                .map(Cookie::getValue).map(Language::ofTag).flatMap(Optional::stream).findFirst();
    }

    /** The request's own path and query, minus {@code lang}: never an address on another host. */
    static String addressWithoutLanguage(String path, String query) {
        String kept = query == null ? "" : Arrays.stream(query.split("&"))
                .filter(pair -> !pair.isEmpty() && !pair.equals(PARAMETER) && !pair.startsWith(PARAMETER + "="))
                .collect(Collectors.joining("&"));
        return path + (kept.isEmpty() ? "" : "?" + kept);
    }
}
