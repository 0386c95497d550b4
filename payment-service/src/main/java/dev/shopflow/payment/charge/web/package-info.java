/** HTTP API of payments: {@code GET /api/payments?orderId=}. */
package dev.shopflow.payment.charge.web;
