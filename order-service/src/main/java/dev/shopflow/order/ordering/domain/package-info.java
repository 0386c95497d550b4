/** The order and its saga as plain Java: the state machine, its rules, and the events each transition emits. */
package dev.shopflow.order.ordering.domain;
