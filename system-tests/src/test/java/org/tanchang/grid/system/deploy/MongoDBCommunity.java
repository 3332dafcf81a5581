package org.tanchang.grid.system.deploy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/**
 * The part of the MongoDB Community Operator's {@code MongoDBCommunity} (mongodbcommunity.mongodb.com/v1) that the
 * manifests use, as strict records: no Java model of that CRD is published on Maven Central, so these follow the
 * field names of its CRD schema (config/crd/bases/mongodbcommunity.mongodb.com_mongodbcommunity.yaml of
 * github.com/mongodb/mongodb-kubernetes, which now maintains the operator). A field the manifests start to use must be
 * added here, by its name in that schema; a misspelt one fails as unknown. Free-form parts of the schema
 * (x-kubernetes-preserve-unknown-fields: additionalMongodConfig, statefulSet.spec) are maps.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MongoDBCommunity(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(Integer members, String type, String version, String featureCompatibilityVersion, Security security,
            List<User> users, Map<String, Object> additionalMongodConfig, StatefulSetConfiguration statefulSet) {
    }

    record Security(Authentication authentication) {
    }

    record Authentication(List<String> modes, Boolean ignoreUnknownUsers) {
    }

    record User(String name, String db, SecretKeyReference passwordSecretRef, List<Role> roles,
            String scramCredentialsSecretName, String connectionStringSecretName) {
    }

    record SecretKeyReference(String name, String key) {
    }

    record Role(String name, String db) {
    }

    record StatefulSetConfiguration(Map<String, Object> spec) {
    }
}
