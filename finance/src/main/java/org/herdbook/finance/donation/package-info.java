/**
 * Donations through PayPal Orders v2: the donation page creates an order (amount, optional name
 * and message, anonymous by default), the donor approves it at PayPal, and the return page
 * captures it. The capture is booked once by its PayPal transaction id, whichever of return page
 * and {@code PAYMENT.CAPTURE.COMPLETED} webhook arrives first; the thank-you letter goes once.
 * Donations are never changed; refunds arrive as PayPal refunds and are booked as entries of
 * their own.
 */
package org.herdbook.finance.donation;
