/** System tests: the whole stack, every service in its own JVM, driven from outside as a user would. */
package dev.shopflow.systemtest;
