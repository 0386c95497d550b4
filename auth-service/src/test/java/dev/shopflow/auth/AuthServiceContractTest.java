package dev.shopflow.auth;

import dev.shopflow.platform.testsupport.DatabaseServiceContract;
import java.util.List;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {
        "shopflow.auth.admin.email=" + AuthServiceContractTest.ADMIN_EMAIL,
        "shopflow.auth.admin.password=" + AuthFixture.PASSWORD})
class AuthServiceContractTest extends DatabaseServiceContract {

    static final String ADMIN_EMAIL = "operator@shop.example";

    @Override
    protected String accessToken() {
        return new AuthFixture(web).newCustomer().accessToken();
    }

    /** The configured administrator, signed in: the auth service checks tokens against its own keys. */
    @Override
    protected String adminAccessToken() {
        return (String) new AuthFixture(web).signIn(ADMIN_EMAIL, AuthFixture.PASSWORD).get("access_token");
    }

    @Override
    protected List<String> readinessDependencies() {
        return List.of("r2dbc");
    }

    @Override
    protected List<String> ownTables() {
        return List.of("users", "refresh_tokens", "signing_keys", "login_throttle");
    }
}
