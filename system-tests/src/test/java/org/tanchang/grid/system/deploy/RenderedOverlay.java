package org.tanchang.grid.system.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The objects of one overlay as {@code kubectl kustomize} rendered them, each read strictly into its model.
 *
 * @param externalSecrets the Secrets the overlay expects to exist without rendering them, with their keys: those
 *                        the deployer creates and those the MongoDB operator writes
 */
record RenderedOverlay(String name, List<Object> objects, Map<String, Set<String>> externalSecrets) {

    /** A Deployment or StatefulSet: what runs. */
    record Workload(String kind, String name, Integer replicas, PodTemplateSpec template) {
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
    }

    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        all(Deployment.class).forEach(d -> workloads.add(new Workload("Deployment", d.getMetadata().getName(),
                d.getSpec().getReplicas(), d.getSpec().getTemplate())));
        all(StatefulSet.class).forEach(s -> workloads.add(new Workload("StatefulSet", s.getMetadata().getName(),
                s.getSpec().getReplicas(), s.getSpec().getTemplate())));
        return workloads;
    }

    /** Objects per kind, for the summary table. */
    Map<String, Integer> countByKind() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Object object : objects) {
            String kind = object instanceof HasMetadata typed ? typed.getKind() : ((MongoDBCommunity) object).kind();
            counts.merge(kind, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * The names of the environment variables a container is given: its {@code env} entries and every key of the
     * ConfigMaps and Secrets of its {@code envFrom}. A reference to a ConfigMap or Secret that is neither rendered
     * nor expected ({@link #externalSecrets}) fails, unless it is optional.
     */
    Set<String> environmentNames(Container container) {
        Set<String> names = new TreeSet<>();
        for (EnvVar variable : list(container.getEnv())) {
            names.add(variable.getName());
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                var reference = variable.getValueFrom().getSecretKeyRef();
                Set<String> keys = secretKeys(reference.getName()).orElseThrow(() -> new AssertionError(
                        container.getName() + ": " + variable.getName() + " reads the unknown Secret " + reference.getName()));
                if (!keys.contains(reference.getKey())) {
                    throw new AssertionError(container.getName() + ": " + variable.getName() + " reads key "
                            + reference.getKey() + " that Secret " + reference.getName() + " does not have " + keys);
                }
            }
            if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                throw new AssertionError(container.getName() + ": single ConfigMap keys are not used; use envFrom");
            }
        }
        for (EnvFromSource source : list(container.getEnvFrom())) {
            if (source.getConfigMapRef() != null) {
                String name = source.getConfigMapRef().getName();
                Optional<ConfigMap> configMap = named(ConfigMap.class, name);
                if (configMap.isEmpty() && !Boolean.TRUE.equals(source.getConfigMapRef().getOptional())) {
                    throw new AssertionError(container.getName() + " reads the ConfigMap " + name + ", which is not rendered");
                }
                configMap.ifPresent(map -> names.addAll(map.getData().keySet()));
            }
            if (source.getSecretRef() != null) {
                String name = source.getSecretRef().getName();
                Optional<Set<String>> keys = secretKeys(name);
                if (keys.isEmpty() && !Boolean.TRUE.equals(source.getSecretRef().getOptional())) {
                    throw new AssertionError(container.getName() + " reads the Secret " + name
                            + ", which is neither rendered nor one the deployer or an operator creates");
                }
                keys.ifPresent(names::addAll);
            }
        }
        return names;
    }

    /** The keys of a Secret: rendered (stringData or data), or expected to exist. */
    Optional<Set<String>> secretKeys(String name) {
        Optional<Secret> secret = named(Secret.class, name);
        if (secret.isPresent()) {
            Set<String> keys = new TreeSet<>();
            if (secret.get().getData() != null) {
                keys.addAll(secret.get().getData().keySet());
            }
            if (secret.get().getStringData() != null) {
                keys.addAll(secret.get().getStringData().keySet());
            }
            return Optional.of(keys);
        }
        return Optional.ofNullable(externalSecrets.get(name));
    }

    /** The value of a ConfigMap key the containers read. */
    String setting(String configMap, String key) {
        return named(ConfigMap.class, configMap).map(map -> map.getData().get(key)).orElse(null);
    }

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    static Map<String, String> labels(PodTemplateSpec template) {
        return template.getMetadata().getLabels() == null ? Map.of() : new LinkedHashMap<>(template.getMetadata().getLabels());
    }
}
