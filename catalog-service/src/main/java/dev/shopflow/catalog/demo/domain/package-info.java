/** The demo catalog's content and how its ids, SKUs, prices and dates are derived, in plain Java. */
package dev.shopflow.catalog.demo.domain;
