package dev.shopflow.gateway.apidocs;

import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code OpenApiServers} route filter: in a service's OpenAPI document relayed by the gateway, replaces
 * {@code servers} (the service's own address, which a browser cannot call) by the gateway, so that Swagger UI's
 * "Try it out" goes through the gateway with its token check, limits and CORS. A body that is not an OpenAPI
 * document, or an answer that is not a success, passes unchanged.
 */
public class OpenApiServersGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    /** Relative to the document's own URL, so it is right whatever host and port the gateway is reached at. */
    static final String GATEWAY_SERVER = "/";

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;
    private final JsonMapper json;

    OpenApiServersGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody, JsonMapper json) {
        this.modifyResponseBody = modifyResponseBody;
        this.json = json;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(String.class, String.class, this::pointServersAtGateway));
    }

    private Mono<String> pointServersAtGateway(ServerWebExchange exchange, String body) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (body == null || status == null || !status.is2xxSuccessful()) {
            return Mono.justOrEmpty(body);
        }
        try {
            if (json.readTree(body) instanceof ObjectNode document && document.has("openapi")) {
                document.putArray("servers").addObject()
                        .put("url", GATEWAY_SERVER)
                        .put("description", "Shopflow gateway");
                return Mono.just(json.writeValueAsString(document));
            }
        } catch (JacksonException notJson) {
            // Not a document to rewrite: the client gets it as the service wrote it.
        }
        return Mono.just(body);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of();
    }
}
