/**
 * Products and their categories: the public catalog (search, one product, the categories), the administrator's
 * changes (create, revise, delete; stock is inventory's), loading a whole catalog into an empty database, and the
 * count of products out of stock.
 */
package dev.shopflow.catalog.product;
