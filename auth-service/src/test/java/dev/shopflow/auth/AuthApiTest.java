package dev.shopflow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.shopflow.auth.AuthFixture.Customer;
import dev.shopflow.platform.testsupport.FreshDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The auth service's HTTP API against a real PostgreSQL: accounts, tokens, lockout, keys, roles and ownership. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shopflow.auth.admin.email=Admin@Shop.Example",
        "shopflow.auth.admin.password=an admin passphrase for tests",
        "shopflow.auth.lockout.max-failures-per-account=3",
        "shopflow.auth.lockout.max-failures-per-address=8",
        // As ./shopflow runs it: the gateway reaches the service from loopback, whose forwarded address is believed.
        "shopflow.web.trusted-proxies=127.0.0.1,::1"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@ContextConfiguration(initializers = FreshDatabase.class)
class AuthApiTest {

    @Autowired
    private WebTestClient web;

    private AuthFixture fixture() {
        return new AuthFixture(web);
    }

    @Test
    void registersACustomerWithANormalisedEmail() {
        String local = "ann-" + UUID.randomUUID();
        web.post().uri("/api/auth/register")
                .bodyValue(Map.of("email", "  " + local.toUpperCase() + "@Example.COM ", "password", AuthFixture.PASSWORD,
                        "name", "Ann"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/auth/users/"))
                .expectBody()
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.email").isEqualTo(local + "@example.com")
                .jsonPath("$.name").isEqualTo("Ann")
                .jsonPath("$.roles").isEqualTo(List.of("CUSTOMER"))
                .jsonPath("$.password").doesNotExist()
                .jsonPath("$.passwordHash").doesNotExist();
    }

    @Test
    void refusesASecondAccountForTheSameEmailWhateverItsCase() {
        String email = "bob-" + UUID.randomUUID() + "@example.com";
        fixture().register(email, AuthFixture.PASSWORD);

        web.post().uri("/api/auth/register")
                .bodyValue(Map.of("email", email.toUpperCase(), "password", "another long password", "name", "Bob"))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/email-already-registered");
    }

    @Test
    void refusesAWeakPasswordWithFieldErrorsAndCreatesNothing() {
        String email = "weak-" + UUID.randomUUID() + "@example.com";
        for (String weak : List.of("short", "password123", "aaaaaaaaaaaa", email)) {
            web.post().uri("/api/auth/register")
                    .bodyValue(Map.of("email", email, "password", weak, "name", "Weak"))
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("password")
                    .jsonPath("$.errors[0].message").isNotEmpty();
        }
        signInAnswers(email, "password123", HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesInvalidFieldsWithA422ListingEachField() {
        web.post().uri("/api/auth/register")
                .bodyValue(Map.of("email", "not-an-email", "name", ""))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("email", "name", "password"));
    }

    @Test
    void answersMalformedJsonWithA400Problem() {
        web.post().uri("/api/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": \"x@example.com\", ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.requestId").isNotEmpty()
                .jsonPath("$.trace").doesNotExist();
    }

    @Test
    void signsInWithAnRs256AccessTokenCarryingTheUsersClaims() throws Exception {
        Customer customer = fixture().newCustomer();

        var token = SignedJWT.parse(customer.accessToken());
        var claims = token.getJWTClaimsSet();
        assertThat(token.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(claims.getSubject()).isEqualTo(customer.id().toString());
        assertThat(claims.getStringClaim("email")).isEqualTo(customer.email());
        assertThat(claims.getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(claims.getIssuer()).isEqualTo("shopflow-auth");
        assertThat(claims.getAudience()).containsExactly("shopflow-api");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
        assertThat(claims.getIssueTime().toInstant()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(5));

        String jwks = web.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        var published = JWKSet.parse(jwks);
        assertThat(published.getKeyByKeyId(token.getHeader().getKeyID())).isNotNull();
        assertThat(published.getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
    }

    @Test
    void answersAWrongPasswordAndAnUnknownEmailAlike() {
        Customer customer = fixture().newCustomer();

        var wrongPassword = signInAnswers(customer.email(), "not the password at all", HttpStatus.UNAUTHORIZED);
        var unknownEmail = signInAnswers("nobody-" + UUID.randomUUID() + "@example.com", AuthFixture.PASSWORD,
                HttpStatus.UNAUTHORIZED);

        assertThat(wrongPassword.get("detail")).isEqualTo(unknownEmail.get("detail"));
        assertThat(wrongPassword.get("title")).isEqualTo(unknownEmail.get("title"));
        assertThat(wrongPassword.get("type")).isEqualTo(unknownEmail.get("type"));
    }

    @Test
    void locksAnAccountAfterRepeatedFailuresEvenAgainstTheRightPassword() {
        Customer customer = fixture().newCustomer();
        for (int attempt = 0; attempt < 3; attempt++) {
            signInAnswers(customer.email(), "wrong password " + attempt, HttpStatus.UNAUTHORIZED, fromAddress("203.0.113.1"));
        }

        web.post().uri("/api/auth/token").headers(fromAddress("203.0.113.2"))
                .bodyValue(Map.of("email", customer.email(), "password", AuthFixture.PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 30L))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/sign-in-locked");
    }

    @Test
    void locksAClientAddressThatTriesManyAccounts() {
        Customer customer = fixture().newCustomer();
        Consumer<HttpHeaders> attacker = fromAddress("198.51.100.7");
        for (int attempt = 0; attempt < 8; attempt++) {
            signInAnswers("guess-" + attempt + "-" + UUID.randomUUID() + "@example.com", "guessing password", HttpStatus.UNAUTHORIZED, attacker);
        }

        signInAnswers(customer.email(), AuthFixture.PASSWORD, HttpStatus.TOO_MANY_REQUESTS, attacker);
        signInAnswers(customer.email(), AuthFixture.PASSWORD, HttpStatus.OK, fromAddress("198.51.100.8"));
    }

    @Test
    void showsTheCallerTheirOwnAccount() {
        Customer customer = fixture().newCustomer();

        web.get().uri("/api/auth/me").headers(bearer(customer.accessToken())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(customer.id().toString())
                .jsonPath("$.email").isEqualTo(customer.email());
        web.get().uri("/api/auth/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void rotatesTheRefreshTokenAndRevokesTheFamilyWhenAnOldOneIsReused() {
        Customer customer = fixture().newCustomer();

        Map<String, Object> rotated = refresh(customer.refreshToken(), HttpStatus.OK);
        String next = (String) rotated.get("refresh_token");
        assertThat(next).isNotEqualTo(customer.refreshToken());
        assertThat(rotated.get("token_type")).isEqualTo("Bearer");
        assertThat(rotated.get("expires_in")).isEqualTo(900);

        // The first token, used a second time: someone copied it. Both it and its successor stop working.
        refresh(customer.refreshToken(), HttpStatus.UNAUTHORIZED);
        refresh(next, HttpStatus.UNAUTHORIZED);
        // Signing in again starts a new family.
        fixture().signIn(customer.email(), AuthFixture.PASSWORD);
    }

    @Test
    void logsOutByRevokingTheRefreshToken() {
        Customer customer = fixture().newCustomer();

        web.post().uri("/api/auth/logout").bodyValue(Map.of("refresh_token", customer.refreshToken())).exchange()
                .expectStatus().isNoContent();

        refresh(customer.refreshToken(), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesAnUnknownRefreshToken() {
        refresh("no-such-token", HttpStatus.UNAUTHORIZED);
    }

    @Test
    void createsTheAdministratorFromConfiguration() throws Exception {
        Map<String, Object> tokens = fixture().signIn("admin@shop.example", "an admin passphrase for tests");

        var claims = SignedJWT.parse((String) tokens.get("access_token")).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).contains("ADMIN", "CUSTOMER");
    }

    @Test
    void showsAnAccountToItsOwnerAndToAdministratorsButToNobodyElse() {
        Customer owner = fixture().newCustomer();
        Customer other = fixture().newCustomer();
        String admin = (String) fixture().signIn("admin@shop.example", "an admin passphrase for tests").get("access_token");

        account(owner.id(), owner.accessToken()).expectStatus().isOk()
                .expectBody().jsonPath("$.email").isEqualTo(owner.email());
        account(owner.id(), admin).expectStatus().isOk();
        account(owner.id(), other.accessToken()).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.email").doesNotExist();
        account(UUID.randomUUID(), admin).expectStatus().isNotFound();
    }

    @Test
    void letsOnlyAnAdministratorRotateTheSigningKeyAndKeepsEarlierTokensValid() throws Exception {
        Customer customer = fixture().newCustomer();
        String admin = (String) fixture().signIn("admin@shop.example", "an admin passphrase for tests").get("access_token");

        web.post().uri("/api/auth/keys/rotate").headers(bearer(customer.accessToken())).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/auth/keys/rotate").headers(bearer(admin)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.publishedKeyIds.length()").isEqualTo(2);

        String before = SignedJWT.parse(customer.accessToken()).getHeader().getKeyID();
        String after = SignedJWT.parse(fixture().newCustomer().accessToken()).getHeader().getKeyID();
        assertThat(after).isNotEqualTo(before);
        web.get().uri("/api/auth/me").headers(bearer(customer.accessToken())).exchange().expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec account(UUID id, String token) {
        return web.get().uri("/api/auth/users/{id}", id).headers(bearer(token)).exchange();
    }

    private Map<String, Object> refresh(String refreshToken, HttpStatus expected) {
        return web.post().uri("/api/auth/refresh").bodyValue(Map.of("refresh_token", refreshToken)).exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    private Map<String, Object> signInAnswers(String email, String password, HttpStatus expected) {
        return signInAnswers(email, password, expected, headers -> { });
    }

    private Map<String, Object> signInAnswers(String email, String password, HttpStatus expected,
            Consumer<HttpHeaders> headers) {
        return web.post().uri("/api/auth/token").headers(headers)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    /** As the gateway forwards a client's request: the peer is loopback, the client is the last forwarded entry. */
    private static Consumer<HttpHeaders> fromAddress(String clientAddress) {
        return headers -> headers.add("X-Forwarded-For", "10.9.9.9, " + clientAddress);
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
