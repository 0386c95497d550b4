/**
 * {@code ./shopflow events}: list the records on the stack's topics, publish a raw record, and resend a copy of one,
 * for the fault labs (docs/labs/). Start reading at {@link dev.shopflow.localstack.events.EventsCommand}.
 */
package dev.shopflow.localstack.events;
