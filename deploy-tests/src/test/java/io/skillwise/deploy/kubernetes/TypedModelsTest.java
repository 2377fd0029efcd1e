package io.skillwise.deploy.kubernetes;

import io.skillwise.deploy.Yaml;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A misspelt field fails, in Kubernetes' kinds, Strimzi's and the other operators' alike. */
class TypedModelsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            apps/v1                         | Deployment         | {template: {spec: {containers: [{name: app, image: x, imagePullPolcy: Always}]}}} | imagePullPolcy
            autoscaling/v2                  | HorizontalPodAutoscaler | {minReplica: 2}                                               | minReplica
            networking.k8s.io/v1            | NetworkPolicy      | {podSelector: {}, ingres: []}                                  | ingres
            kafka.strimzi.io/v1             | KafkaTopic         | {partition: 3}                                                 | partition
            kafka.strimzi.io/v1             | Kafka              | {kafka: {version: 4.1.1, listener: []}}                        | listener
            postgresql.cnpg.io/v1           | Cluster            | {instance: 3}                                                  | instance
            mongodbcommunity.mongodb.com/v1 | MongoDBCommunity   | {member: 3}                                                    | member
            k8s.keycloak.org/v2alpha1       | Keycloak           | {hostname: {hostnam: x}}                                       | hostnam
            k8s.keycloak.org/v2alpha1       | KeycloakRealmImport | {keycloakCRName: k, realm: {realm: r, sslRequird: external}}  | sslRequird
            monitoring.coreos.com/v1        | ServiceMonitor     | {endpoint: []}                                                 | endpoint
            """)
    void aFieldTheModelDoesNotKnowFails(String apiVersion, String kind, String spec, String field) {
        var object = Yaml.documents("apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: x}\nspec: " + spec).getFirst();

        assertThatThrownBy(() -> TypedModels.load(object)).hasMessageContaining(field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            v1 | Secret
            v1 | Pod
            """)
    void aKindWithoutAModelFails(String apiVersion, String kind) {
        var object = Yaml.documents("apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: x}").getFirst();

        assertThatThrownBy(() -> TypedModels.load(object)).hasMessageContaining("no typed model");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            kafka.strimzi.io/v1 | KafkaTopic | {partitions: 3, replicas: 3, config: {retention.ms: -1}}
            """)
    void aCorrectObjectLoads(String apiVersion, String kind, String spec) {
        var object = Yaml.documents("apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata: {name: x}\nspec: " + spec).getFirst();

        assertThat(TypedModels.load(object)).isNotNull();
    }
}
