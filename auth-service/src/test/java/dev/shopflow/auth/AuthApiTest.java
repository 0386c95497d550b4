package dev.shopflow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.shopflow.auth.AuthFixture.Customer;
import dev.shopflow.platform.testsupport.FreshDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** The auth service's HTTP API against a real PostgreSQL: accounts, tokens, sign-in throttling, keys, roles and ownership. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shopflow.auth.admin.email=Admin@Shop.Example",
        "shopflow.auth.admin.password=an admin passphrase for tests",
        "shopflow.auth.lockout.max-failures-per-account-and-address=3",
        "shopflow.auth.lockout.max-failures-per-address=8",
        "shopflow.auth.lockout.max-failures-per-account=5",
        // As ./shopflow runs it: the gateway reaches the service from loopback, whose forwarded address is believed.
        "shopflow.web.trusted-proxies=127.0.0.1,::1"})
@AutoConfigureWebTestClient(timeout = "PT30S")
@ContextConfiguration(initializers = FreshDatabase.class)
class AuthApiTest {

    @Autowired
    private WebTestClient web;

    @LocalServerPort
    private int port;

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
        assertThat(token.getHeader().getType()).as("RFC 9068 §2.1").hasToString("at+jwt");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("shopflow-storefront");
        assertThat(claims.getSubject()).isEqualTo(customer.id().toString());
        assertThat(claims.getStringClaim("email")).isEqualTo(customer.email());
        assertThat(claims.getStringListClaim("roles")).containsExactly("CUSTOMER");
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:8080");
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

    /** Client libraries differ in what they ask for: Spring Security's NimbusJwtDecoder sends both JSON types. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "application/jwk-set+json                    | application/jwk-set+json",
            "application/json                            | application/json",
            "application/json, application/jwk-set+json  | application/json",
            "*/*                                         | application/jwk-set+json",
            "''                                          | application/jwk-set+json"})
    void servesTheKeySetToEveryJsonAccept(String accept, String contentType) throws Exception {
        String jwks = web.get().uri("/.well-known/jwks.json")
                .headers(headers -> {
                    if (!accept.isEmpty()) {
                        headers.set(HttpHeaders.ACCEPT, accept);
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(contentType)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(JWKSet.parse(jwks).getKeys()).isNotEmpty();
    }

    @Test
    void letsSpringSecuritysOwnDecoderCheckATokenAgainstTheKeySetAsAnRfc9068AccessToken() {
        Customer customer = fixture().newCustomer();
        var decoder = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/.well-known/jwks.json").build();
        decoder.setJwtValidator(JwtValidators.createAtJwtValidator()
                .issuer("http://localhost:8080").audience("shopflow-api").clientId("shopflow-storefront").build());

        assertThat(decoder.decode(customer.accessToken()).getSubject()).isEqualTo(customer.id().toString());
    }

    /** RFC 8414: what a standard client configured with the issuer alone reads to find the endpoints and keys. */
    @Test
    void publishesTheAuthorizationServersMetadataToAnyone() {
        web.get().uri("/.well-known/oauth-authorization-server").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).contains("public"))
                .expectBody()
                .jsonPath("$.issuer").isEqualTo("http://localhost:8080")
                .jsonPath("$.token_endpoint").isEqualTo("http://localhost:8080/api/auth/token")
                .jsonPath("$.jwks_uri").isEqualTo("http://localhost:8080/.well-known/jwks.json")
                .jsonPath("$.grant_types_supported").isEqualTo(List.of("password"))
                .jsonPath("$.response_types_supported").isEmpty()
                .jsonPath("$.token_endpoint_auth_methods_supported").isEqualTo(List.of("none"));
    }

    @Test
    void refusesToServeTheKeySetAsHtml() {
        web.get().uri("/.well-known/jwks.json").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(HttpStatus.NOT_ACCEPTABLE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(406);
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
    void slowsAGuesserDownOnTheAddressItGuessesFromEvenAgainstTheRightPassword() {
        Customer customer = fixture().newCustomer();
        Consumer<HttpHeaders> guesser = fromAddress("203.0.113.1");
        for (int attempt = 0; attempt < 3; attempt++) {
            signInAnswers(customer.email(), "wrong password " + attempt, HttpStatus.UNAUTHORIZED, guesser);
        }

        // Were the right password let through here, its 200 among the 429s would tell the guesser it is right.
        web.post().uri("/api/auth/token").headers(guesser)
                .bodyValue(Map.of("email", customer.email(), "password", AuthFixture.PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 30L))
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://shopflow.dev/problems/sign-in-locked");
    }

    @Test
    void keepsTheOwnersRightPasswordWorkingWhileAStrangerGuessesFromAnotherAddress() {
        Customer owner = fixture().newCustomer();
        Consumer<HttpHeaders> home = fromAddress("192.0.2.10");
        signInAnswers(owner.email(), AuthFixture.PASSWORD, HttpStatus.OK, home);

        Consumer<HttpHeaders> stranger = fromAddress("203.0.113.3");
        for (int attempt = 0; attempt < 3; attempt++) {
            signInAnswers(owner.email(), "wrong password " + attempt, HttpStatus.UNAUTHORIZED, stranger);
        }
        for (int attempt = 3; attempt < 7; attempt++) {
            signInAnswers(owner.email(), "wrong password " + attempt, HttpStatus.TOO_MANY_REQUESTS, stranger);
        }

        signInAnswers(owner.email(), AuthFixture.PASSWORD, HttpStatus.OK, home);
        signInAnswers(owner.email(), AuthFixture.PASSWORD, HttpStatus.OK, fromAddress("192.0.2.11"));
    }

    @Test
    void holdsBackAGuesserWithManyAddressesButNotTheOwnerOnAnAddressItSignedInFrom() {
        Customer owner = fixture().newCustomer();
        Consumer<HttpHeaders> home = fromAddress("192.0.2.20");
        signInAnswers(owner.email(), AuthFixture.PASSWORD, HttpStatus.OK, home);

        for (int address = 1; address <= 5; address++) {
            signInAnswers(owner.email(), "guess " + address, HttpStatus.UNAUTHORIZED, fromAddress("198.18.20." + address));
        }

        web.post().uri("/api/auth/token").headers(fromAddress("198.18.20.6"))
                .bodyValue(Map.of("email", owner.email(), "password", AuthFixture.PASSWORD))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 30L));
        signInAnswers(owner.email(), AuthFixture.PASSWORD, HttpStatus.OK, home);
    }

    @Test
    void letsNoStrangerLockTheAdministratorOut() {
        // The fixture signs in from the test's own address, which thereby becomes known to the administrator account.
        fixture().signIn("admin@shop.example", "an admin passphrase for tests");

        Consumer<HttpHeaders> stranger = fromAddress("203.0.113.66");
        for (int attempt = 0; attempt < 6; attempt++) {
            signInAnswers("admin@shop.example", "guessing the admin " + attempt,
                    attempt < 3 ? HttpStatus.UNAUTHORIZED : HttpStatus.TOO_MANY_REQUESTS, stranger);
        }
        // With the 3 above, 5 failures from addresses new to the account: such addresses must wait now.
        for (int address = 1; address <= 4; address++) {
            signInAnswers("admin@shop.example", "guessing the admin",
                    address <= 2 ? HttpStatus.UNAUTHORIZED : HttpStatus.TOO_MANY_REQUESTS, fromAddress("198.18.66." + address));
        }

        fixture().signIn("admin@shop.example", "an admin passphrase for tests");
    }

    @Test
    void countsAttemptsSentAllAtOnceBeforeCheckingAnyPassword() {
        Customer customer = fixture().newCustomer();
        WebClient client = WebClient.create("http://127.0.0.1:" + port);

        List<HttpStatusCode> answers = Flux.range(0, 10)
                .flatMap(attempt -> client.post().uri("/api/auth/token")
                        .header("X-Forwarded-For", "203.0.113.77")
                        .bodyValue(Map.of("email", customer.email(), "password", "parallel guess " + attempt))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode())))
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(answers).filteredOn(HttpStatus.UNAUTHORIZED::equals).hasSize(3);
        assertThat(answers).filteredOn(HttpStatus.TOO_MANY_REQUESTS::equals).hasSize(7);
    }

    @Test
    void throttlesAnEmailWithoutAnAccountExactlyLikeOneWithAnAccount() {
        Customer customer = fixture().newCustomer();
        String nobody = "nobody-" + UUID.randomUUID() + "@example.com";

        for (String email : List.of(customer.email(), nobody)) {
            List<Integer> answers = new ArrayList<>();
            for (int attempt = 0; attempt < 4; attempt++) {
                answers.add(signInStatus(email, "a guess " + attempt, fromAddress("203.0.113.88")));
            }
            for (int address = 1; address <= 3; address++) {
                answers.add(signInStatus(email, "a guess", fromAddress("198.18.88." + address)));
            }
            // 3 from one address spend that address's budget for the email; 5 from addresses new to it, the email's.
            assertThat(answers).as(email).containsExactly(401, 401, 401, 429, 401, 401, 429);
        }
    }

    @Test
    void locksAClientAddressThatTriesManyAccountsExceptForAccountsThatSignedInThereBefore() {
        Customer customer = fixture().newCustomer();
        Customer colleague = fixture().newCustomer();
        Consumer<HttpHeaders> attacker = fromAddress("198.51.100.7");
        signInAnswers(colleague.email(), AuthFixture.PASSWORD, HttpStatus.OK, attacker);
        for (int attempt = 0; attempt < 8; attempt++) {
            signInAnswers("guess-" + attempt + "-" + UUID.randomUUID() + "@example.com", "guessing password", HttpStatus.UNAUTHORIZED, attacker);
        }

        signInAnswers(customer.email(), AuthFixture.PASSWORD, HttpStatus.TOO_MANY_REQUESTS, attacker);
        signInAnswers(customer.email(), AuthFixture.PASSWORD, HttpStatus.OK, fromAddress("198.51.100.8"));
        // Someone behind the same address (an office, a carrier's NAT) who has signed in from it before.
        signInAnswers(colleague.email(), AuthFixture.PASSWORD, HttpStatus.OK, attacker);
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

    private int signInStatus(String email, String password, Consumer<HttpHeaders> headers) {
        return web.post().uri("/api/auth/token").headers(headers)
                .bodyValue(Map.of("email", email, "password", password))
                .exchange().returnResult(Void.class).getStatus().value();
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
