/** How a catalog that cannot be reached shows in this service's HTTP answers. */
package dev.shopflow.order.catalog.web;
