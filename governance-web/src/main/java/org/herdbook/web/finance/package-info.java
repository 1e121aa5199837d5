/**
 * The finance module's boundaries in the web application: the {@code /api/finance} resources,
 * the treasurer's and the board's pages, and the wiring the finance jar asks for (its
 * {@link org.herdbook.finance.policy.FinancePolicy} from the foundation and the configuration,
 * PayPal credentials from the environment, background imports). Every resource and page bean is
 * thin: it reads the input, calls a finance component inside one transaction, and maps the result
 * or the refusal (problem JSON on the API, a localized 4xx message on pages).
 */
package org.herdbook.web.finance;
