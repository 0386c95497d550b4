package dev.shopflow.platform.security;

import java.net.URI;

/** No signing keys are known yet and the JWKS endpoint cannot be reached: tokens cannot be checked for now. */
public class JwksUnavailable extends RuntimeException {

    public JwksUnavailable(URI jwksUri, Throwable cause) {
        super("Cannot fetch the signing keys from " + jwksUri, cause);
    }
}
