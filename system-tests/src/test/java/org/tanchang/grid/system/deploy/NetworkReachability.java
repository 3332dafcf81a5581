package org.tanchang.grid.system.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Decides, as a cluster that enforces NetworkPolicies would, whether one pod may open a TCP connection to a port of
 * another: the destination's ingress policies and the source's egress policies must both allow it (a pod no
 * policy of a direction selects is open in that direction). Only what the manifests use is modelled: matchLabels
 * selectors (matchExpressions fail), ports by number or by the destination's port name, ipBlock peers as "any
 * address outside the cluster" (an in-cluster pod never matches one).
 */
final class NetworkReachability {

    /**
     * A pod as the policies see it.
     *
     * @param ports its named ports (name to number)
     * @param outsideCluster an address outside the cluster (matches ipBlock peers, no pod selector)
     */
    record Pod(String name, String namespace, Map<String, String> labels, Map<String, Integer> ports,
            boolean outsideCluster) {
    }

    private final List<NetworkPolicy> policies;
    private final String namespace;
    private final Map<String, Map<String, String>> namespaceLabels;

    /**
     * @param policies        the policies of {@code namespace} (Strimzi's own, derived from the Kafka object, included)
     * @param namespaceLabels the labels of every namespace a pod lives in
     */
    NetworkReachability(List<NetworkPolicy> policies, String namespace, Map<String, Map<String, String>> namespaceLabels) {
        this.policies = policies;
        this.namespace = namespace;
        this.namespaceLabels = namespaceLabels;
    }

    boolean allows(Pod source, Pod destination, int port) {
        return ingressAllows(source, destination, port) && egressAllows(source, destination, port);
    }

    /** Whether any policy limits where the pod may connect to. */
    boolean restrictsEgress(Pod pod) {
        return !selecting(pod, "Egress").isEmpty();
    }

    private boolean ingressAllows(Pod source, Pod destination, int port) {
        List<NetworkPolicy> selecting = selecting(destination, "Ingress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(policy -> RenderedOverlay.list(policy.getSpec().getIngress()).stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), source) && portsMatch(rule.getPorts(), destination, port));
    }

    private boolean egressAllows(Pod source, Pod destination, int port) {
        List<NetworkPolicy> selecting = selecting(source, "Egress");
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(policy -> RenderedOverlay.list(policy.getSpec().getEgress()).stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), destination) && portsMatch(rule.getPorts(), destination, port));
    }

    /** The policies of a direction that select the pod (none for pods outside this namespace). */
    private List<NetworkPolicy> selecting(Pod pod, String direction) {
        if (pod.outsideCluster() || !pod.namespace().equals(namespace)) {
            return List.of();
        }
        return policies.stream()
                .filter(policy -> types(policy).contains(direction))
                .filter(policy -> matches(policy.getSpec().getPodSelector(), pod.labels()))
                .toList();
    }

    private static List<String> types(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return policy.getSpec().getEgress() != null && !policy.getSpec().getEgress().isEmpty()
                ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    /** No peers at all: every source or destination, inside the cluster or out. */
    private boolean peersMatch(List<NetworkPolicyPeer> peers, Pod pod) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, pod));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, Pod pod) {
        if (peer.getIpBlock() != null) {
            return pod.outsideCluster();
        }
        if (pod.outsideCluster()) {
            return false;
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? pod.namespace().equals(namespace)
                : matches(peer.getNamespaceSelector(), namespaceLabels.getOrDefault(pod.namespace(), Map.of()));
        boolean podMatches = peer.getPodSelector() == null || matches(peer.getPodSelector(), pod.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Pod destination, int port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(rule -> {
            if (rule.getProtocol() != null && !rule.getProtocol().equals("TCP")) {
                return false;
            }
            IntOrString value = rule.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() != null) {
                int end = rule.getEndPort() == null ? value.getIntVal() : rule.getEndPort();
                return port >= value.getIntVal() && port <= end;
            }
            Integer named = destination.ports().get(value.getStrVal());
            return named != null && named == port;
        });
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new UnsupportedOperationException("matchExpressions are not modelled: " + selector);
        }
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return required.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels.get(entry.getKey())));
    }
}
