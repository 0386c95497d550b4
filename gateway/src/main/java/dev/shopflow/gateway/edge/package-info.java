/** What every request and answer at the edge gets: a request id, a size limit, CORS, security headers, and the client address for the services. */
package dev.shopflow.gateway.edge;
