package dev.shopflow.deploy;

import static java.util.Map.entry;

import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads a rendered object into fabric8's model of the Kubernetes API, refusing every field the API does not have:
 * a misspelt or misplaced field ({@code readinessprobe}, {@code resources} under the pod instead of the container)
 * is an error here, as it is when the API server validates strictly, instead of being dropped in silence.
 *
 * <p>fabric8's classes keep unknown fields in an {@code additionalProperties} map (a {@code @JsonAnySetter}); this
 * mapper takes that catch-all away, so an unknown field fails with the field's name and path.
 */
final class KubernetesModel {

    /** The kinds a base or overlay may hold outside the operators' custom resources, by apiVersion and kind. */
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.ofEntries(
            entry("v1/Namespace", Namespace.class),
            entry("v1/ConfigMap", ConfigMap.class),
            entry("v1/Secret", Secret.class),
            entry("v1/Service", Service.class),
            entry("apps/v1/Deployment", Deployment.class),
            entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            entry("networking.k8s.io/v1/Ingress", Ingress.class));

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("no-additional-properties").setDeserializerModifier(new NoCatchAll()))
            .build();

    private KubernetesModel() {
    }

    /** The object as its model class; fails on an unknown kind and on any field the kind does not have. */
    static HasMetadata read(Map<String, Object> object) {
        var type = key(object);
        var model = KINDS.get(type);
        if (model == null) {
            throw new IllegalArgumentException("No model for " + type + " (" + name(object) + "): a kind the checks do not know");
        }
        return STRICT.convertValue(object, model);
    }

    static String key(Map<String, Object> object) {
        return object.get("apiVersion") + "/" + object.get("kind");
    }

    @SuppressWarnings("unchecked")
    static String name(Map<String, Object> object) {
        var metadata = (Map<String, Object>) object.getOrDefault("metadata", Map.of());
        return String.valueOf(metadata.get("name"));
    }

    /** Builds every bean deserializer without its any-setter, so unknown fields reach FAIL_ON_UNKNOWN_PROPERTIES. */
    private static final class NoCatchAll extends ValueDeserializerModifier {

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription.Supplier description,
                BeanDeserializerBuilder builder) {
            builder.setAnySetter(null);
            builder.setIgnoreUnknownProperties(false);
            return builder;
        }
    }
}
