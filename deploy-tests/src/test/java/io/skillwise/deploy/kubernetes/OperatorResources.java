package io.skillwise.deploy.kubernetes;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import org.keycloak.representations.idm.RealmRepresentation;

import java.util.List;
import java.util.Map;

/**
 * The custom resources of CloudNativePG, its Barman Cloud plugin, the MongoDB Community operator and the Keycloak
 * operator, for which no Java model is published: the fields deploy/ uses, named as in the operators' CRDs
 * (CloudNativePG 1.27 api/v1, plugin-barman-cloud api/v1, mongodb-kubernetes-operator api/v1, Keycloak 26
 * k8s.keycloak.org/v2alpha1). Read with unknown properties refused, a misspelt or invented field fails. Nested
 * Kubernetes types (resources, a StatefulSet override) use fabric8's models; the realm uses Keycloak's own.
 */
public final class OperatorResources {

    private OperatorResources() {
    }

    public record LocalReference(String name) {
    }

    public record SecretKeyReference(String name, String key, Boolean optional) {
    }

    // CloudNativePG (postgresql.cnpg.io/v1)

    public record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {
    }

    public record ClusterSpec(Integer instances, String imageName, String primaryUpdateStrategy, Storage storage,
                              ResourceRequirements resources, Postgresql postgresql, Bootstrap bootstrap,
                              Managed managed, ClusterAffinity affinity, List<Plugin> plugins) {
    }

    public record Storage(String size, String storageClass) {
    }

    public record Postgresql(Map<String, String> parameters) {
    }

    public record Bootstrap(InitDb initdb) {
    }

    public record InitDb(String database, String owner, LocalReference secret) {
    }

    public record Managed(List<Role> roles) {
    }

    public record Role(String name, String ensure, Boolean login, LocalReference passwordSecret, Integer connectionLimit,
                       List<String> inRoles) {
    }

    public record ClusterAffinity(Boolean enablePodAntiAffinity, String topologyKey, String podAntiAffinityType) {
    }

    public record Plugin(String name, Boolean enabled, Boolean isWALArchiver, Map<String, String> parameters) {
    }

    public record Database(String apiVersion, String kind, ObjectMeta metadata, DatabaseSpec spec) {
    }

    public record DatabaseSpec(LocalReference cluster, String name, String owner, String ensure) {
    }

    public record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, ScheduledBackupSpec spec) {
    }

    public record ScheduledBackupSpec(String schedule, Boolean immediate, String backupOwnerReference,
                                      LocalReference cluster, String method, LocalReference pluginConfiguration) {
    }

    // Barman Cloud plugin (barmancloud.cnpg.io/v1)

    public record ObjectStore(String apiVersion, String kind, ObjectMeta metadata, ObjectStoreSpec spec) {
    }

    public record ObjectStoreSpec(String retentionPolicy, ObjectStoreConfiguration configuration) {
    }

    public record ObjectStoreConfiguration(String destinationPath, String endpointURL, S3Credentials s3Credentials,
                                           Compression wal, Compression data) {
    }

    public record S3Credentials(SecretKeyReference accessKeyId, SecretKeyReference secretAccessKey,
                                Boolean inheritFromIAMRole) {
    }

    public record Compression(String compression, Integer maxParallel) {
    }

    // MongoDB Community operator (mongodbcommunity.mongodb.com/v1)

    public record MongoDbCommunity(String apiVersion, String kind, ObjectMeta metadata, MongoDbSpec spec) {
    }

    public record MongoDbSpec(Integer members, String type, String version, MongoSecurity security, List<MongoUser> users,
                              Map<String, Object> additionalMongodConfig, StatefulSetOverride statefulSet) {
    }

    public record MongoSecurity(MongoAuthentication authentication) {
    }

    public record MongoAuthentication(List<String> modes) {
    }

    public record MongoUser(String name, String db, SecretKeyReference passwordSecretRef, List<MongoRole> roles,
                            String scramCredentialsSecretName, String connectionStringSecretName) {
    }

    public record MongoRole(String name, String db) {
    }

    public record StatefulSetOverride(StatefulSetSpec spec) {
    }

    // Keycloak operator (k8s.keycloak.org/v2alpha1)

    public record Keycloak(String apiVersion, String kind, ObjectMeta metadata, KeycloakSpec spec) {
    }

    public record KeycloakSpec(Integer instances, String image, KeycloakDb db, KeycloakHttp http,
                               KeycloakHostname hostname, KeycloakProxy proxy, KeycloakIngress ingress,
                               BootstrapAdmin bootstrapAdmin, List<KeycloakOption> additionalOptions,
                               ResourceRequirements resources) {
    }

    public record KeycloakDb(String vendor, String host, Integer port, String database,
                             SecretKeyReference usernameSecret, SecretKeyReference passwordSecret,
                             Integer poolInitialSize, Integer poolMinSize, Integer poolMaxSize) {
    }

    public record KeycloakHttp(Boolean httpEnabled, Integer httpPort, Integer httpsPort, String tlsSecret) {
    }

    public record KeycloakHostname(String hostname, String admin, Boolean strict, Boolean backchannelDynamic) {
    }

    public record KeycloakProxy(String headers) {
    }

    public record KeycloakIngress(Boolean enabled, String className, Map<String, String> annotations) {
    }

    public record BootstrapAdmin(BootstrapUser user) {
    }

    public record BootstrapUser(String secret) {
    }

    public record KeycloakOption(String name, String value, SecretKeyReference secret) {
    }

    public record KeycloakRealmImport(String apiVersion, String kind, ObjectMeta metadata, RealmImportSpec spec) {
    }

    public record RealmImportSpec(String keycloakCRName, Map<String, Placeholder> placeholders,
                                  RealmRepresentation realm) {
    }

    public record Placeholder(SecretKeyReference secret) {
    }
}
