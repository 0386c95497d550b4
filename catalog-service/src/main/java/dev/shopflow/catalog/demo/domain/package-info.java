/**
 * How the demo catalog's products are made from its product lines — SKUs, ids, variant prices and dates — in plain
 * Java. The lines themselves are data: {@code demo-catalog.json}.
 */
package dev.shopflow.catalog.demo.domain;
