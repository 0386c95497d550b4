package dev.shopflow.auth.account.web;

import dev.shopflow.auth.account.Account;
import dev.shopflow.auth.account.Accounts;
import dev.shopflow.platform.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Accounts", description = "Sign-up and the accounts of signed-in users")
class AccountController {

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    record RegisterRequest(
            @Schema(example = "ann@example.com") @NotBlank @Email @Size(max = 254) String email,
            @Schema(example = "correct horse battery staple") @NotNull String password,
            @Schema(example = "Ann") @NotBlank @Size(max = 100) String name) {

        RegisterRequest {
            // Surrounding spaces (a pasted address) are not part of the email; strip them before it is validated.
            email = email == null ? null : email.strip();
        }
    }

    @Schema(name = "Account")
    record AccountResponse(
            @Schema(example = "6f0c5b0e-8a5e-4b8e-9d3c-2f1e0a7b9c41") UUID id,
            @Schema(example = "ann@example.com") String email,
            @Schema(example = "Ann") String name,
            @ArraySchema(schema = @Schema(example = "CUSTOMER", allowableValues = {"CUSTOMER", "ADMIN"}))
            List<String> roles) {

        static AccountResponse of(Account account) {
            return new AccountResponse(account.id(), account.email(), account.name(), account.roles());
        }
    }

    /** 201 with the account; 409 when the email is taken; 422 with field errors (the password policy among them). */
    @PostMapping("/api/auth/register")
    @Operation(operationId = "register", summary = "Sign up",
            description = "Creates a customer account. The password must pass the password policy.")
    @SecurityRequirements
    @ApiResponse(responseCode = "201", description = "The account", headers = @Header(name = "Location",
            description = "The account's address", schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "409", description = "The email is registered already (email-already-registered)")
    @ApiResponse(responseCode = "422", description = "Invalid fields, the password policy among them: errors lists "
            + "each field and why")
    Mono<ResponseEntity<AccountResponse>> register(@Valid @RequestBody RegisterRequest request) {
        return accounts.register(request.email(), request.password(), request.name())
                .map(account -> ResponseEntity.created(URI.create("/api/auth/users/" + account.id()))
                        .body(AccountResponse.of(account)));
    }

    @GetMapping("/api/auth/me")
    @Operation(operationId = "me", summary = "The caller's account", description = "The account the access token "
            + "names.")
    @ApiResponse(responseCode = "200", description = "The account")
    @ApiResponse(responseCode = "404", description = "The account no longer exists (account-not-found)")
    Mono<AccountResponse> me(AuthenticatedUser caller) {
        return accounts.find(caller.id(), caller).map(AccountResponse::of);
    }

    /** The account, to its owner and to administrators; 404 to anyone else. */
    @GetMapping("/api/auth/users/{id}")
    @Operation(operationId = "account", summary = "An account",
            description = "The account, to its owner and to administrators; to anyone else it does not exist.")
    @ApiResponse(responseCode = "200", description = "The account")
    @ApiResponse(responseCode = "404", description = "No such account, or another user's (account-not-found)")
    Mono<AccountResponse> account(@PathVariable UUID id, AuthenticatedUser caller) {
        return accounts.find(id, caller).map(AccountResponse::of);
    }
}
