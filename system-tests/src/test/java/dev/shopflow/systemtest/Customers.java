package dev.shopflow.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;

/** Customers signed up and signed in through the gateway, as a storefront would. */
final class Customers {

    static final String PASSWORD = "a long enough passphrase";

    /** A new customer's account and tokens. */
    record Customer(String id, String email, String accessToken, String refreshToken) {
    }

    private Customers() {
    }

    static Customer signUp(String gateway) {
        String email = "shopper-" + UUID.randomUUID() + "@example.com";
        var registered = Http.post(gateway + "/api/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Shopper\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var tokens = signIn(gateway, email, PASSWORD);
        return new Customer(JsonPath.read(registered.body(), "$.id"), email,
                JsonPath.read(tokens, "$.access_token"), JsonPath.read(tokens, "$.refresh_token"));
    }

    /** The token endpoint's answer for these credentials (which must be right). */
    static String signIn(String gateway, String email, String password) {
        var response = Http.post(gateway + "/api/auth/token",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
