package org.herdbook.web.security.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/tokens}. */
public record TokenRequest(
        @NotBlank(message = "{validation.email.required}") @Size(max = 254, message = "{validation.email.invalid}") String email,
        @NotBlank(message = "{validation.password.required}") @Size(max = 200, message = "{validation.password.too-long}") String password) {
}
