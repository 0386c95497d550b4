/**
 * The idempotent inbox: {@link dev.shopflow.platform.inbox.Inbox} applies an event's effect at most once per
 * consumer, recording the event id in the same transaction as the effect. The table is {@code inbox.sql} beside
 * these classes.
 */
package dev.shopflow.platform.inbox;
