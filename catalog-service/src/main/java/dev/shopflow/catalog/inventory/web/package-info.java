/** How stock errors reach HTTP clients: the problem details of the stock endpoints. */
package dev.shopflow.catalog.inventory.web;
