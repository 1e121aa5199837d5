package org.herdbook.web.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

@ApplicationPath("/api")
@DeclareRoles({"member", "treasurer", "secretary", "board", "admin"})
@OpenAPIDefinition(info = @Info(title = "Herdbook API", version = "1",
        description = "Members, dues, votes and reports of a community server's foundation. "
                + "Errors are RFC 9457 problem documents."))
@SecurityScheme(securitySchemeName = HerdbookApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A token from POST /api/tokens")
public class HerdbookApi extends Application {
    public static final String BEARER = "bearer";
}
