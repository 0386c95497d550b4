package dev.shopflow.auth.keys;

/** The signing keys are named by configuration, so they are rotated there, not through the API. */
public class KeysComeFromConfiguration extends RuntimeException {

    public KeysComeFromConfiguration() {
        super("The signing keys come from configuration (shopflow.auth.signing-keys); rotate them there.");
    }
}
