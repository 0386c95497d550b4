/**
 * The demo catalog: about two hundred believable products in ten categories, loaded into an empty catalog at start
 * unless switched off, under the same ids on every machine.
 */
package dev.shopflow.catalog.demo;
