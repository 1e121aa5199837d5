package org.herdbook.web.security.boundary;

import java.time.OffsetDateTime;

/** A bearer token, shown once. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, OffsetDateTime expiresAt) {
}
