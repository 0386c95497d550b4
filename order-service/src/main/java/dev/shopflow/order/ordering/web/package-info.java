/** The HTTP API of orders: checkout, reads, the timeline, the status stream and cancellation. */
package dev.shopflow.order.ordering.web;
