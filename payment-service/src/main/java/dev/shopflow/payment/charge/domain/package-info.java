/** The payment aggregate and its rules, in plain Java: states, transitions and the events they produce. */
package dev.shopflow.payment.charge.domain;
