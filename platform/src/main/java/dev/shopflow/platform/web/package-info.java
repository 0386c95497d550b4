/** HTTP behaviour every Shopflow service shares. */
package dev.shopflow.platform.web;
