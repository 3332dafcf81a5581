package org.tanchang.grid.system.deploy;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.Map;

/**
 * Reads one rendered Kubernetes object into its typed model so strictly that an unknown or misspelt field anywhere
 * in it fails: fabric8's Kubernetes model, Strimzi's own API classes, fabric8's Prometheus Operator types, and
 * {@link MongoDBCommunity} (no Java model of that CRD is published; those records follow its CRD schema).
 *
 * <p>FAIL_ON_UNKNOWN_PROPERTIES alone would not do: fabric8's and Strimzi's classes keep unknown fields in an
 * "additionalProperties" map through a {@code @JsonAnySetter}, which Jackson prefers to failing. The modifier below
 * removes every any-setter, so an unknown field reaches the unknown-property check.
 */
final class StrictKubernetesReader {

    /** Every kind the manifests may contain, by apiVersion and kind; anything else fails as unexpected. */
    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("mongodbcommunity.mongodb.com/v1/MongoDBCommunity", MongoDBCommunity.class));

    private final ObjectMapper mapper;

    StrictKubernetesReader() {
        SimpleModule noAnySetters = new SimpleModule("no-any-setters");
        noAnySetters.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                builder.setAnySetter(null);
                return builder;
            }
        });
        mapper = new ObjectMapper()
                .registerModule(noAnySetters)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    static String typeKey(Map<String, Object> object) {
        return object.get("apiVersion") + "/" + object.get("kind");
    }

    /** The object as its typed model; fails (with the field's path) on any field its schema does not have. */
    Object read(Map<String, Object> object) {
        Class<?> type = TYPES.get(typeKey(object));
        if (type == null) {
            throw new IllegalArgumentException("unexpected kind " + typeKey(object) + " (add it to TYPES with its model)");
        }
        try {
            // through JSON text, so that the strict parser sees exactly what kubectl would send
            return mapper.readValue(mapper.writeValueAsString(object), type);
        } catch (Exception e) {
            throw new IllegalArgumentException(typeKey(object) + " " + name(object) + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    static String name(Map<String, Object> object) {
        return String.valueOf(((Map<String, Object>) object.get("metadata")).get("name"));
    }
}
