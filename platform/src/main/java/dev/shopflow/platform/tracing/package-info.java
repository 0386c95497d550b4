/**
 * Tracing shared by every service that has a tracer: which traces are recorded (a probability, then at most so many
 * new traces a second) and whether spans are exported to Zipkin (exactly when {@code ZIPKIN_ENDPOINT} is set).
 */
package dev.shopflow.platform.tracing;
