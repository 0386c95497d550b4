/** The services' OpenAPI documents, served through the gateway and listed in its Swagger UI. */
package dev.shopflow.gateway.apidocs;
