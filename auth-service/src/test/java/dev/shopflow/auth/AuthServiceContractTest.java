package dev.shopflow.auth;

import dev.shopflow.platform.testsupport.DatabaseServiceContract;
import java.util.List;

class AuthServiceContractTest extends DatabaseServiceContract {

    @Override
    protected String accessToken() {
        return new AuthFixture(web).newCustomer().accessToken();
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
