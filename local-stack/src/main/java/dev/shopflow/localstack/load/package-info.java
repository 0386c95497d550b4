/** {@code ./shopflow load}: runs a k6 scenario of {@code load-tests/} against the running stack and reports on it. */
package dev.shopflow.localstack.load;
