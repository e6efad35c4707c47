// Proves the schema knows every field of realistic manifests of every kind
// of the registry (and of the request kinds), as users write them and as the
// server returns them with status: under fieldValidation=Strict a valid
// field missing from the schema would be refused. Each manifest is decoded
// and must report no unknown field and no type error.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/schema/api_schema.hpp"
#include "actors/api/core/schema/builtin_schema.hpp"

namespace {

using nlohmann::json;

void check_valid(std::string_view manifest) {
  json object = json::parse(manifest);
  std::string api_version = object.at("apiVersion").get<std::string>();
  std::string kind = object.at("kind").get<std::string>();
  INFO(api_version << " " << kind);
  REQUIRE(troupe::api::schema::find_kind(troupe::api::schema::builtin_schema(), api_version,
                                         kind) != nullptr);
  auto report = troupe::api::check_decoding(object, api_version, kind);
  for (const auto& field : report.unknown_fields) UNSCOPED_INFO("unknown field " << field);
  CHECK(report.unknown_fields.empty());
  CHECK(report.type_error.value_or("") == "");
}

// A pod template using most of what a PodSpec offers.
constexpr std::string_view deployment = R"json({
  "apiVersion": "apps/v1", "kind": "Deployment",
  "metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"},
               "annotations": {"deployment.kubernetes.io/revision": "3"}},
  "spec": {
    "replicas": 3, "revisionHistoryLimit": 5, "progressDeadlineSeconds": 600, "minReadySeconds": 5,
    "paused": false,
    "selector": {"matchLabels": {"app": "web"},
                 "matchExpressions": [{"key": "tier", "operator": "In", "values": ["front"]}]},
    "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": 1}},
    "template": {
      "metadata": {"labels": {"app": "web", "tier": "front"}},
      "spec": {
        "serviceAccountName": "web", "automountServiceAccountToken": false,
        "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst", "restartPolicy": "Always",
        "priorityClassName": "high", "schedulerName": "default-scheduler", "enableServiceLinks": false,
        "imagePullSecrets": [{"name": "registry"}],
        "nodeSelector": {"kubernetes.io/os": "linux"},
        "securityContext": {"runAsNonRoot": true, "runAsUser": 1000, "runAsGroup": 1000, "fsGroup": 2000,
                            "fsGroupChangePolicy": "OnRootMismatch", "supplementalGroups": [3000],
                            "supplementalGroupsPolicy": "Merge", "seLinuxChangePolicy": "MountOption",
                            "seccompProfile": {"type": "RuntimeDefault"},
                            "appArmorProfile": {"type": "Localhost", "localhostProfile": "web"},
                            "sysctls": [{"name": "net.ipv4.ip_local_port_range", "value": "1024 65535"}],
                            "seLinuxOptions": {"level": "s0:c123,c456"},
                            "windowsOptions": {"runAsUserName": "ContainerUser"}},
        "affinity": {
          "nodeAffinity": {
            "requiredDuringSchedulingIgnoredDuringExecution": {"nodeSelectorTerms": [
              {"matchExpressions": [{"key": "topology.kubernetes.io/zone", "operator": "In", "values": ["a", "b"]}],
               "matchFields": [{"key": "metadata.name", "operator": "NotIn", "values": ["n9"]}]}]},
            "preferredDuringSchedulingIgnoredDuringExecution": [
              {"weight": 10, "preference": {"matchExpressions": [{"key": "disk", "operator": "Exists"}]}}]},
          "podAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [
            {"weight": 50, "podAffinityTerm": {"labelSelector": {"matchLabels": {"app": "cache"}},
                                               "topologyKey": "kubernetes.io/hostname",
                                               "namespaceSelector": {}, "namespaces": ["shop"]}}]},
          "podAntiAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [
            {"labelSelector": {"matchLabels": {"app": "web"}}, "topologyKey": "kubernetes.io/hostname",
             "matchLabelKeys": ["pod-template-hash"], "mismatchLabelKeys": ["tenant"]}]}},
        "tolerations": [{"key": "dedicated", "operator": "Equal", "value": "web", "effect": "NoSchedule"},
                        {"key": "node.kubernetes.io/unreachable", "operator": "Exists",
                         "effect": "NoExecute", "tolerationSeconds": 300}],
        "topologySpreadConstraints": [{"maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone",
                                       "whenUnsatisfiable": "DoNotSchedule", "minDomains": 2,
                                       "labelSelector": {"matchLabels": {"app": "web"}},
                                       "matchLabelKeys": ["pod-template-hash"],
                                       "nodeAffinityPolicy": "Honor", "nodeTaintsPolicy": "Ignore"}],
        "initContainers": [
          {"name": "migrate", "image": "shop/migrate:1.4", "command": ["/migrate"], "args": ["--up"]},
          {"name": "proxy", "image": "envoy:1.30", "restartPolicy": "Always",
           "startupProbe": {"tcpSocket": {"port": 9901}, "failureThreshold": 30, "periodSeconds": 1}}],
        "containers": [{
          "name": "web", "image": "shop/web:2.1", "imagePullPolicy": "IfNotPresent", "workingDir": "/srv",
          "ports": [{"name": "http", "containerPort": 8080, "protocol": "TCP"},
                    {"name": "metrics", "containerPort": 9090, "hostPort": 19090, "hostIP": "0.0.0.0"}],
          "env": [{"name": "MODE", "value": "production"},
                  {"name": "POD_NAME", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.name"}}},
                  {"name": "CPU", "valueFrom": {"resourceFieldRef": {"containerName": "web", "resource": "limits.cpu", "divisor": "1m"}}},
                  {"name": "COLOUR", "valueFrom": {"configMapKeyRef": {"name": "settings", "key": "colour", "optional": true}}},
                  {"name": "TOKEN", "valueFrom": {"secretKeyRef": {"name": "tokens", "key": "web"}}}],
          "envFrom": [{"prefix": "CFG_", "configMapRef": {"name": "settings"}},
                      {"secretRef": {"name": "tokens", "optional": false}}],
          "resources": {"requests": {"cpu": "250m", "memory": "128Mi"}, "limits": {"cpu": 1, "memory": "256Mi"},
                        "claims": [{"name": "gpu", "request": "first"}]},
          "resizePolicy": [{"resourceName": "cpu", "restartPolicy": "NotRequired"}],
          "volumeMounts": [{"name": "config", "mountPath": "/etc/web", "readOnly": true, "recursiveReadOnly": "IfPossible"},
                           {"name": "cache", "mountPath": "/cache", "subPathExpr": "$(POD_NAME)",
                           "mountPropagation" : "None"
}],
          "volumeDevices": [{"name": "raw", "devicePath": "/dev/xvda"}],
          "livenessProbe": {"httpGet": {"path": "/healthz", "port": "http", "scheme": "HTTP",
                                        "httpHeaders": [{"name": "X-Probe", "value": "1"}]},
                            "initialDelaySeconds": 10, "periodSeconds": 10, "timeoutSeconds": 2,
                            "failureThreshold": 3, "successThreshold": 1, "terminationGracePeriodSeconds": 15},
          "readinessProbe": {"grpc": {"port": 9000, "service": "ready"}},
          "startupProbe": {"exec": {"command": ["cat", "/tmp/started"]}},
          "lifecycle": {"postStart": {"exec": {"command": ["/warm"]}}, "preStop": {"sleep": {"seconds": 5}}},
          "securityContext": {"allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true,
                              "privileged": false, "procMount": "Default",
                              "capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}},
          "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "FallbackToLogsOnError",
          "stdin": false, "stdinOnce": false, "tty": false
}],
        "volumes": [
          {"name": "config", "configMap": {"name": "settings", "defaultMode": 420,
                                           "items": [{"key": "web.yaml", "path": "web.yaml", "mode": 256}]}},
          {"name": "cache", "emptyDir": {"medium": "Memory", "sizeLimit": "64Mi"}},
          {"name": "raw", "persistentVolumeClaim": {"claimName": "raw", "readOnly": false}}],
        "resourceClaims": [{"name": "gpu", "resourceClaimTemplateName": "gpu-template"}],
        "hostAliases": [{"ip": "10.0.0.5", "hostnames": ["db.local"]}],
        "dnsConfig": {"nameservers": ["1.1.1.1"], "searches": ["shop.svc.cluster.local"],
                      "options": [{"name": "ndots", "value": "2"}, {"name": "edns0"}]},
        "readinessGates": [{"conditionType": "example.com/ready"}],
        "os": {"name": "linux"}, "hostUsers": false, "runtimeClassName": "gvisor",
        "preemptionPolicy": "PreemptLowerPriority", "overhead": {"cpu": "10m"},
        "setHostnameAsFQDN": false, "shareProcessNamespace": true, "subdomain": "web", "hostname": "web",
        "schedulingGates": [{"name": "example.com/quota"}], "resources": {
  "limits" : {
    "memory" : "1Gi"
  }
}
}
}
}
})json";

// Every volume source a pod may use, and the fields of an ephemeral container.
constexpr std::string_view pod_with_every_volume = R"json({
  "apiVersion": "v1", "kind": "Pod",
  "metadata": {"name": "everything", "generateName": "every-", "finalizers": ["example.com/keep"],
               "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-1",
                                    "uid": "8d6a", "controller": true, "blockOwnerDeletion": true}]},
  "spec": {
    "containers": [{"name": "c", "image": "busybox"}],
    "ephemeralContainers": [{"name": "debug", "image": "busybox", "targetContainerName": "c",
                             "stdin": true, "tty": true, "command": ["sh"]}],
    "activeDeadlineSeconds": 600, "hostNetwork": false, "hostPID": false, "hostIPC": false,
    "nodeName": "node-1", "serviceAccount": "default", "priority": 1000,
    "volumes": [
      {"name": "v1", "hostPath": {"path": "/var/log", "type": "Directory"}},
      {"name": "v2", "gcePersistentDisk": {"pdName": "disk", "fsType": "ext4", "partition": 1, "readOnly": true}},
      {"name": "v3", "awsElasticBlockStore": {"volumeID": "vol-1", "fsType": "ext4", "partition": 0}},
      {"name": "v4", "gitRepo": {"repository": "https://example.com/r.git", "revision": "abc", "directory": "."}},
      {"name": "v5", "secret": {"secretName": "s", "defaultMode": 256, "optional": true,
                                "items": [{"key": "k", "path": "p"}]}},
      {"name": "v6", "nfs": {"server": "nfs.local", "path": "/exports", "readOnly": true}},
      {"name": "v7", "iscsi": {"targetPortal": "10.0.0.1:3260", "iqn": "iqn.2024-01.local:t", "lun": 0,
                               "iscsiInterface": "default", "fsType": "ext4", "portals": ["10.0.0.2:3260"],
                               "chapAuthDiscovery": true, "chapAuthSession": true, "secretRef": {"name": "chap"},
                               "initiatorName": "iqn.2024-01.local:i", "readOnly": false}},
      {"name": "v8", "glusterfs": {"endpoints": "gluster", "path": "vol", "readOnly": true}},
      {"name": "v9", "rbd": {"monitors": ["10.0.0.3:6789"], "image": "img", "fsType": "ext4", "pool": "rbd",
                             "user": "admin", "keyring": "/etc/ceph/keyring", "secretRef": {"name": "ceph"}}},
      {"name": "v10", "flexVolume": {"driver": "example/lvm", "fsType": "ext4", "secretRef": {"name": "f"},
                                     "readOnly": false, "options": {"size": "1G"}}},
      {"name": "v11", "cinder": {"volumeID": "c1", "fsType": "ext4", "readOnly": true, "secretRef": {"name": "os"}}},
      {"name": "v12", "cephfs": {"monitors": ["10.0.0.3:6789"], "path": "/", "user": "admin",
                                 "secretFile": "/etc/ceph/user.secret", "secretRef": {"name": "ceph"}}},
      {"name": "v13", "flocker": {"datasetName": "d"}},
      {"name": "v14", "downwardAPI": {"defaultMode": 420, "items": [
        {"path": "labels", "fieldRef": {"fieldPath": "metadata.labels"}},
        {"path": "cpu", "resourceFieldRef": {"containerName": "c", "resource": "requests.cpu", "divisor": 1}, "mode": 256}]}},
      {"name": "v15", "fc": {"targetWWNs": ["500a0982991b8dc5"], "lun": 2, "fsType": "ext4", "wwids": ["3600508b4"]}},
      {"name": "v16", "azureFile": {"secretName": "az", "shareName": "share", "readOnly": true}},
      {"name": "v17", "configMap": {"name": "cm", "optional": false}},
      {"name": "v18", "vsphereVolume": {"volumePath": "[ds] v.vmdk", "fsType": "ext4",
                                        "storagePolicyName": "gold", "storagePolicyID": "p1"}},
      {"name": "v19", "quobyte": {"registry": "q:7861", "volume": "v", "user": "u", "group": "g", "tenant": "t"}},
      {"name": "v20", "azureDisk": {"diskName": "d", "diskURI": "https://d", "cachingMode": "ReadOnly",
                                    "fsType": "ext4", "readOnly": true, "kind": "Managed"}},
      {"name": "v21", "photonPersistentDisk": {"pdID": "p", "fsType": "ext4"}},
      {"name": "v22", "projected": {"defaultMode": 420, "sources": [
        {"secret": {"name": "s", "items": [{"key": "k", "path": "k"}], "optional": true}},
        {"configMap": {"name": "cm", "items": [{"key": "k", "path": "cm"}]}},
        {"downwardAPI": {"items": [{"path": "name", "fieldRef": {"fieldPath": "metadata.name"}}]}},
        {"serviceAccountToken": {"audience": "vault", "expirationSeconds": 3600, "path": "token"}},
        {"clusterTrustBundle": {"signerName": "example.com/ca", "labelSelector": {"matchLabels": {"a": "b"}},
                                "optional": true, "path": "ca.pem"}}]}},
      {"name": "v23", "portworxVolume": {"volumeID": "px", "fsType": "ext4", "readOnly": false}},
      {"name": "v24", "scaleIO": {"gateway": "https://gw", "system": "s", "secretRef": {"name": "sio"},
                                  "sslEnabled": true, "protectionDomain": "pd", "storagePool": "sp",
                                  "storageMode": "ThinProvisioned", "volumeName": "v", "fsType": "xfs"}},
      {"name": "v25", "storageos": {"volumeName": "v", "volumeNamespace": "ns", "fsType": "ext4",
                                    "secretRef": {"name": "sos"}}},
      {"name": "v26", "csi": {"driver": "secrets-store.csi.k8s.io", "readOnly": true, "fsType": "ext4",
                              "volumeAttributes": {"provider": "vault"}, "nodePublishSecretRef": {"name": "creds"}}},
      {"name": "v27", "ephemeral": {"volumeClaimTemplate": {"metadata": {"labels": {"type": "scratch"}},
        "spec": {"accessModes": ["ReadWriteOnce"], "storageClassName": "fast",
                 "resources": {"requests": {"storage": "1Gi"}}}}}},
      {"name": "v28", "image": {"reference": "quay.io/data:1", "pullPolicy": "IfNotPresent"}}]
  },
  "status": {
    "phase": "Running", "qosClass": "Burstable", "hostIP": "10.0.0.10", "hostIPs": [{"ip": "10.0.0.10"}],
    "podIP": "10.244.1.5", "podIPs": [{"ip": "10.244.1.5"}], "startTime": "2024-05-01T10:00:00Z",
    "nominatedNodeName": "", "message": "", "reason": "", "resize": "",
    "conditions": [{"type": "Ready", "status": "True", "lastProbeTime": null,
                    "lastTransitionTime": "2024-05-01T10:00:05Z"}],
    "containerStatuses": [{"name": "c", "ready": true, "started": true, "restartCount": 1, "image": "busybox:latest",
                           "imageID": "docker.io/library/busybox@sha256:ab", "containerID": "containerd://1f",
                           "state": {"running": {"startedAt": "2024-05-01T10:00:02Z"}},
                           "lastState": {"terminated": {"exitCode": 137, "signal": 9, "reason": "OOMKilled",
                                                        "message": "", "startedAt": "2024-05-01T09:00:00Z",
                                                        "finishedAt": "2024-05-01T09:59:00Z", "containerID": "containerd://0e"}},
                           "allocatedResources": {"cpu": "100m"}, "resources": {"requests": {"cpu": "100m"}},
                           "volumeMounts": [{"name": "v1", "mountPath": "/var/log", "readOnly": true,
                                             "recursiveReadOnly": "Disabled"}],
                           "user": {"linux": {"uid": 0, "gid": 0, "supplementalGroups": [10]}},
                           "allocatedResourcesStatus": [{"name": "example.com/gpu",
                                                         "resources": [{"resourceID": "gpu-0", "health": "Healthy"}]}]}],
    "initContainerStatuses": [{"name": "i", "ready": false, "restartCount": 0, "image": "i", "imageID": "",
                               "state": {"waiting": {"reason": "PodInitializing", "message": ""}}}],
    "ephemeralContainerStatuses": [],
    "resourceClaimStatuses": [{"name": "gpu", "resourceClaimName": "everything-gpu-x7"}]
  }
})json";

constexpr std::string_view stateful_set = R"json({
  "apiVersion": "apps/v1", "kind": "StatefulSet",
  "metadata": {"name": "db"},
  "spec": {
    "serviceName": "db", "replicas": 3, "podManagementPolicy": "Parallel", "minReadySeconds": 10,
    "revisionHistoryLimit": 3, "ordinals": {"start": 1},
    "selector": {"matchLabels": {"app": "db"}},
    "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"partition": 0, "maxUnavailable": "50%"}},
    "persistentVolumeClaimRetentionPolicy": {"whenDeleted": "Retain", "whenScaled": "Delete"},
    "template": {"metadata": {"labels": {"app": "db"}},
                 "spec": {"containers": [{"name": "db", "image": "postgres:16",
                                          "volumeMounts": [{"name": "data", "mountPath": "/var/lib/postgresql"}]}]}},
    "volumeClaimTemplates": [{
      "apiVersion": "v1", "kind": "PersistentVolumeClaim",
      "metadata": {"name": "data", "labels": {"app": "db"}},
      "spec": {"accessModes": ["ReadWriteOnce"], "storageClassName": "ssd", "volumeMode": "Filesystem",
               "resources": {"requests": {"storage": "10Gi"}, "limits": {"storage": "20Gi"}},
               "selector": {"matchLabels": {"tier": "db"}},
               "dataSource": {"apiGroup": "snapshot.storage.k8s.io", "kind": "VolumeSnapshot", "name": "snap"},
               "dataSourceRef": {"apiGroup": "snapshot.storage.k8s.io", "kind": "VolumeSnapshot", "name": "snap",
                                 "namespace": "backups"},
               "volumeAttributesClassName": "gold", "volumeName": ""},
      "status": {"phase": "Pending"}}]
  },
  "status": {"observedGeneration": 2, "replicas": 3, "readyReplicas": 3, "currentReplicas": 3,
             "updatedReplicas": 3, "availableReplicas": 3, "currentRevision": "db-7c", "updateRevision": "db-7c",
             "collisionCount": 0, "conditions": []}
})json";

constexpr std::string_view daemon_set = R"json({
  "apiVersion": "apps/v1", "kind": "DaemonSet",
  "metadata": {"name": "agent", "namespace": "kube-system"},
  "spec": {"selector": {"matchLabels": {"app": "agent"}}, "minReadySeconds": 0, "revisionHistoryLimit": 10,
           "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1, "maxSurge": 0}},
           "template": {"metadata": {"labels": {"app": "agent"}},
                        "spec": {"hostNetwork": true, "tolerations": [{"operator": "Exists"}],
                                 "containers": [{"name": "agent", "image": "agent:1"}]}}},
  "status": {"currentNumberScheduled": 3, "numberMisscheduled": 0, "desiredNumberScheduled": 3, "numberReady": 3,
             "observedGeneration": 1, "updatedNumberScheduled": 3, "numberAvailable": 3, "numberUnavailable": 0,
             "collisionCount": 0,
             "conditions": [{"type": "Healthy", "status": "True", "lastTransitionTime": "2024-01-01T00:00:00Z",
                             "reason": "", "message": ""}]}
})json";

constexpr std::string_view replica_set = R"json({
  "apiVersion": "apps/v1", "kind": "ReplicaSet",
  "metadata": {"name": "web-5d8f", "ownerReferences": [{"apiVersion": "apps/v1", "kind": "Deployment",
                                                       "name": "web", "uid": "u1", "controller": true}]},
  "spec": {"replicas": 2, "minReadySeconds": 0, "selector": {"matchLabels": {"app": "web"}},
           "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "w", "image": "w"}]}}},
  "status": {"replicas": 2, "fullyLabeledReplicas": 2, "readyReplicas": 2, "availableReplicas": 2,
             "observedGeneration": 1,
             "conditions": [{"type": "ReplicaFailure", "status": "False", "lastTransitionTime": null}]}
})json";

constexpr std::string_view cron_job = R"json({
  "apiVersion": "batch/v1", "kind": "CronJob",
  "metadata": {"name": "report"},
  "spec": {
    "schedule": "0 3 * * *", "timeZone": "Europe/Paris", "concurrencyPolicy": "Forbid", "suspend": false,
    "startingDeadlineSeconds": 120, "successfulJobsHistoryLimit": 3, "failedJobsHistoryLimit": 1,
    "jobTemplate": {"metadata": {"labels": {"job": "report"}}, "spec": {
      "parallelism": 2, "completions": 4, "completionMode": "Indexed", "backoffLimitPerIndex": 1,
      "maxFailedIndexes": 2, "activeDeadlineSeconds": 3600, "ttlSecondsAfterFinished": 86400,
      "podReplacementPolicy": "Failed", "managedBy": "kubernetes.io/job-controller", "manualSelector": false,
      "podFailurePolicy": {"rules": [
        {"action": "FailJob", "onExitCodes": {"containerName": "report", "operator": "In", "values": [42]}},
        {"action": "Ignore", "onPodConditions": [{"type": "DisruptionTarget", "status": "True"}]}]},
      "successPolicy": {"rules": [{"succeededIndexes": "0-2", "succeededCount": 2}]},
      "template": {"spec": {"restartPolicy": "Never",
                            "containers": [{"name": "report", "image": "report:3", "args": ["--daily"]}]}}}}
  },
  "status": {"active": [{"kind": "Job", "namespace": "default", "name": "report-2846", "uid": "j1",
                         "apiVersion": "batch/v1", "resourceVersion": "77"}],
             "lastScheduleTime": "2024-05-01T03:00:00Z", "lastSuccessfulTime": "2024-04-30T03:04:10Z"}
})json";

constexpr std::string_view job = R"json({
  "apiVersion": "batch/v1", "kind": "Job",
  "metadata": {"name": "pi"},
  "spec": {"backoffLimit": 4, "suspend": false, "selector": {"matchLabels": {"batch.kubernetes.io/controller-uid": "u"}},
           "template": {"metadata": {"labels": {"batch.kubernetes.io/controller-uid": "u"}},
                        "spec": {"restartPolicy": "OnFailure",
                                 "containers": [{"name": "pi", "image": "perl", "command": ["perl", "-e", "print 1"]}]}}},
  "status": {"startTime": "2024-05-01T00:00:00Z", "completionTime": "2024-05-01T00:00:09Z", "active": 0,
             "succeeded": 1, "failed": 0, "terminating": 0, "ready": 0, "completedIndexes": "", "failedIndexes": "",
             "uncountedTerminatedPods": {"succeeded": ["a"], "failed": []},
             "conditions": [{"type": "Complete", "status": "True", "lastProbeTime": "2024-05-01T00:00:09Z",
                             "lastTransitionTime": "2024-05-01T00:00:09Z", "reason": "", "message": ""}]}
})json";

constexpr std::string_view service = R"json({
  "apiVersion": "v1", "kind": "Service",
  "metadata": {"name": "web", "annotations": {"service.beta.kubernetes.io/aws-load-balancer-type": "nlb"}},
  "spec": {"type": "LoadBalancer", "selector": {"app": "web"},
           "ports": [{"name": "http", "port": 80, "targetPort": "http", "protocol": "TCP", "nodePort": 30080,
                      "appProtocol": "http"},
                     {"name": "https", "port": 443, "targetPort": 8443}],
           "clusterIP": "10.96.0.10", "clusterIPs": ["10.96.0.10"], "ipFamilies": ["IPv4"],
           "ipFamilyPolicy": "SingleStack", "externalTrafficPolicy": "Local", "internalTrafficPolicy": "Cluster",
           "healthCheckNodePort": 32000, "sessionAffinity": "ClientIP",
           "sessionAffinityConfig": {"clientIP": {"timeoutSeconds": 10800}},
           "loadBalancerSourceRanges": ["10.0.0.0/8"], "loadBalancerClass": "example.com/lb",
           "allocateLoadBalancerNodePorts": true, "externalIPs": ["192.0.2.10"], "loadBalancerIP": "",
           "publishNotReadyAddresses": false, "trafficDistribution": "PreferClose", "externalName": ""},
  "status": {"loadBalancer": {"ingress": [{"ip": "203.0.113.5", "hostname": "lb.example.com", "ipMode": "VIP",
                                           "ports": [{"port": 80, "protocol": "TCP", "error": "Pending"}]}]},
             "conditions": [{"type": "LoadBalancerReady", "status": "True", "observedGeneration": 1,
                             "lastTransitionTime": "2024-05-01T00:00:00Z", "reason": "Ready", "message": "ok"}]}
})json";

constexpr std::string_view endpoints = R"json({
  "apiVersion": "v1", "kind": "Endpoints",
  "metadata": {"name": "web"},
  "subsets": [{"addresses": [{"ip": "10.244.1.5", "hostname": "web-0", "nodeName": "n1",
                              "targetRef": {"kind": "Pod", "name": "web-0", "namespace": "default", "uid": "p"}}],
               "notReadyAddresses": [{"ip": "10.244.2.7"}],
               "ports": [{"name": "http", "port": 8080, "protocol": "TCP", "appProtocol": "http"}]}]
})json";

constexpr std::string_view endpoint_slice = R"json({
  "apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
  "metadata": {"name": "web-abc", "labels": {"kubernetes.io/service-name": "web"}},
  "addressType": "IPv4",
  "endpoints": [{"addresses": ["10.244.1.5"], "conditions": {"ready": true, "serving": true, "terminating": false},
                 "hostname": "web-0", "nodeName": "n1", "zone": "a", "deprecatedTopology": {"k": "v"},
                 "targetRef": {"kind": "Pod", "name": "web-0", "namespace": "default"},
                 "hints": {"forZones": [{"name": "a"}]}}],
  "ports": [{"name": "http", "port": 8080, "protocol": "TCP", "appProtocol": "http"}]
})json";

constexpr std::string_view autoscaler_v2 = R"json({
  "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
  "metadata": {"name": "web"},
  "spec": {
    "scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
    "minReplicas": 2, "maxReplicas": 10,
    "metrics": [
      {"type": "Resource", "resource": {"name": "cpu", "target": {"type": "Utilization", "averageUtilization": 60}}},
      {"type": "ContainerResource", "containerResource": {"name": "memory", "container": "web",
                                                          "target": {"type": "AverageValue", "averageValue": "200Mi"}}},
      {"type": "Pods", "pods": {"metric": {"name": "requests_per_second"},
                                "target": {"type": "AverageValue", "averageValue": "1k"}}},
      {"type": "Object", "object": {"describedObject": {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "name": "web"},
                                    "metric": {"name": "hits", "selector": {"matchLabels": {"path": "/"}}},
                                    "target": {"type": "Value", "value": "10k"}}},
      {"type": "External", "external": {"metric": {"name": "queue_depth"}, "target": {"type": "Value", "value": 30}}}],
    "behavior": {
      "scaleUp": {"stabilizationWindowSeconds": 0, "selectPolicy": "Max",
                  "policies": [{"type": "Percent", "value": 100, "periodSeconds": 15},
                               {"type": "Pods", "value": 4, "periodSeconds": 15}]},
      "scaleDown": {"stabilizationWindowSeconds": 300, "policies": [{"type": "Percent", "value": 10, "periodSeconds": 60}]}}
  },
  "status": {
    "observedGeneration": 3, "lastScaleTime": "2024-05-01T00:00:00Z", "currentReplicas": 3, "desiredReplicas": 4,
    "currentMetrics": [
      {"type": "Resource", "resource": {"name": "cpu", "current": {"averageUtilization": 71, "averageValue": "355m"}}},
      {"type": "ContainerResource", "containerResource": {"name": "memory", "container": "web", "current": {"averageValue": "180Mi"}}},
      {"type": "Pods", "pods": {"metric": {"name": "requests_per_second"}, "current": {"averageValue": "900"}}},
      {"type": "Object", "object": {"metric": {"name": "hits"}, "current": {"value": "12k"},
                                    "describedObject": {"kind": "Ingress", "name": "web"}}},
      {"type": "External", "external": {"metric": {"name": "queue_depth"}, "current": {"value": "25"}}}],
    "conditions": [{"type": "AbleToScale", "status": "True", "lastTransitionTime": "2024-05-01T00:00:00Z",
                    "reason": "ReadyForNewScale", "message": "recommended size matches current size"}]}
})json";

constexpr std::string_view autoscaler_v1 = R"json({
  "apiVersion": "autoscaling/v1", "kind": "HorizontalPodAutoscaler",
  "metadata": {"name": "web"},
  "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
           "minReplicas": 1, "maxReplicas": 5, "targetCPUUtilizationPercentage": 80},
  "status": {"observedGeneration": 1, "lastScaleTime": null, "currentReplicas": 1, "desiredReplicas": 1,
             "currentCPUUtilizationPercentage": 12}
})json";

constexpr std::string_view role = R"json({
  "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
  "metadata": {"name": "reader", "namespace": "shop"},
  "rules": [{"apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["get", "list", "watch"]},
            {"apiGroups": ["apps"], "resources": ["deployments"], "resourceNames": ["web"], "verbs": ["patch"]}]
})json";

constexpr std::string_view cluster_role = R"json({
  "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
  "metadata": {"name": "monitoring", "labels": {"rbac.example.com/aggregate-to-view": "true"}},
  "aggregationRule": {"clusterRoleSelectors": [{"matchLabels": {"rbac.example.com/aggregate-to-monitoring": "true"}}]},
  "rules": [{"nonResourceURLs": ["/metrics", "/healthz"], "verbs": ["get"]}]
})json";

constexpr std::string_view role_binding = R"json({
  "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
  "metadata": {"name": "read-pods", "namespace": "shop"},
  "subjects": [{"kind": "User", "name": "jane", "apiGroup": "rbac.authorization.k8s.io"},
               {"kind": "ServiceAccount", "name": "ci", "namespace": "tools"}],
  "roleRef": {"kind": "Role", "name": "reader", "apiGroup": "rbac.authorization.k8s.io"}
})json";

constexpr std::string_view cluster_role_binding = R"json({
  "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
  "metadata": {"name": "monitoring"},
  "subjects": [{"kind": "Group", "name": "sre", "apiGroup": "rbac.authorization.k8s.io"}],
  "roleRef": {"kind": "ClusterRole", "name": "monitoring", "apiGroup": "rbac.authorization.k8s.io"}
})json";

constexpr std::string_view config_map = R"json({
  "apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings"}, "immutable": false,
  "data": {"colour": "blue", "web.yaml": "port: 8080\n"}, "binaryData": {"logo.png": "iVBORw0KGgo="}
})json";

constexpr std::string_view secret = R"json({
  "apiVersion": "v1", "kind": "Secret", "metadata": {"name": "tls"}, "type": "kubernetes.io/tls",
  "immutable": true, "data": {"tls.crt": "LS0tLS1CRUdJTg==", "tls.key": "LS0tLS1CRUdJTg=="},
  "stringData": {"note": "rotated monthly"}
})json";

constexpr std::string_view service_account = R"json({
  "apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "ci"},
  "automountServiceAccountToken": false, "imagePullSecrets": [{"name": "registry"}],
  "secrets": [{"name": "ci-token"}]
})json";

constexpr std::string_view name_space = R"json({
  "apiVersion": "v1", "kind": "Namespace",
  "metadata": {"name": "shop", "labels": {"pod-security.kubernetes.io/enforce": "restricted"},
               "deletionTimestamp": "2024-05-01T00:00:00Z", "deletionGracePeriodSeconds": 0,
               "resourceVersion": "42", "uid": "0d1e", "generation": 1, "creationTimestamp": "2024-01-01T00:00:00Z",
               "selfLink": "", "managedFields": [{"manager": "kubectl-create", "operation": "Update", "apiVersion": "v1",
                                                 "time": "2024-01-01T00:00:00Z", "fieldsType": "FieldsV1",
                                                 "fieldsV1": {"f:metadata": {"f:labels": {}}}, "subresource": ""}]},
  "spec": {"finalizers": ["kubernetes"]},
  "status": {"phase": "Terminating",
             "conditions": [{"type": "NamespaceContentRemaining", "status": "True",
                             "lastTransitionTime": "2024-05-01T00:00:01Z", "reason": "SomeResourcesRemain",
                             "message": "pods remain"}]}
})json";

constexpr std::string_view event = R"json({
  "apiVersion": "v1", "kind": "Event",
  "metadata": {"name": "web-0.17c", "namespace": "default"},
  "involvedObject": {"kind": "Pod", "namespace": "default", "name": "web-0", "uid": "p", "apiVersion": "v1",
                     "resourceVersion": "12", "fieldPath": "spec.containers{web}"},
  "reason": "Pulled", "message": "Container image pulled", "type": "Normal", "count": 3,
  "source": {"component": "kubelet", "host": "n1"},
  "firstTimestamp": "2024-05-01T00:00:00Z", "lastTimestamp": "2024-05-01T00:05:00Z",
  "eventTime": "2024-05-01T00:00:00.000000Z", "series": {"count": 3, "lastObservedTime": "2024-05-01T00:05:00.123456Z"},
  "action": "Pulling", "related": {"kind": "Node", "name": "n1"},
  "reportingComponent": "kubelet", "reportingInstance": "n1"
})json";

constexpr std::string_view lease = R"json({
  "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
  "metadata": {"name": "n1", "namespace": "kube-node-lease"},
  "spec": {"holderIdentity": "n1", "leaseDurationSeconds": 40, "acquireTime": "2024-05-01T00:00:00.000000Z",
           "renewTime": "2024-05-01T00:10:00.654321Z", "leaseTransitions": 0, "strategy": "OldestEmulationVersion",
           "preferredHolder": "n2"}
})json";

constexpr std::string_view disruption_budget = R"json({
  "apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
  "metadata": {"name": "web"},
  "spec": {"minAvailable": "50%", "selector": {"matchLabels": {"app": "web"}},
           "unhealthyPodEvictionPolicy": "AlwaysAllow"},
  "status": {"observedGeneration": 1, "disruptionsAllowed": 1, "currentHealthy": 3, "desiredHealthy": 2,
             "expectedPods": 3, "disruptedPods": {"web-0": "2024-05-01T00:00:00Z"},
             "conditions": [{"type": "DisruptionAllowed", "status": "True", "reason": "SufficientPods",
                             "message": "", "lastTransitionTime": "2024-05-01T00:00:00Z", "observedGeneration": 1}]}
})json";

constexpr std::string_view persistent_volume = R"json({
  "apiVersion": "v1", "kind": "PersistentVolume",
  "metadata": {"name": "pv-1"},
  "spec": {"capacity": {"storage": "100Gi"}, "accessModes": ["ReadWriteOnce"], "volumeMode": "Filesystem",
           "persistentVolumeReclaimPolicy": "Retain", "storageClassName": "local", "mountOptions": ["noatime"],
           "volumeAttributesClassName": "gold",
           "claimRef": {"kind": "PersistentVolumeClaim", "namespace": "shop", "name": "data", "uid": "c"},
           "local": {"path": "/mnt/disks/ssd1", "fsType": "ext4"},
           "nodeAffinity": {"required": {"nodeSelectorTerms": [
             {"matchExpressions": [{"key": "kubernetes.io/hostname", "operator": "In", "values": ["n1"]}]}]}}},
  "status": {"phase": "Bound", "message": "", "reason": "", "lastPhaseTransitionTime": "2024-05-01T00:00:00Z"}
})json";

constexpr std::string_view csi_persistent_volume = R"json({
  "apiVersion": "v1", "kind": "PersistentVolume",
  "metadata": {"name": "pv-2"},
  "spec": {"capacity": {"storage": "5Gi"}, "accessModes": ["ReadWriteMany"],
           "csi": {"driver": "ebs.csi.aws.com", "volumeHandle": "vol-1", "readOnly": false, "fsType": "ext4",
                   "volumeAttributes": {"type": "gp3"},
                   "controllerPublishSecretRef": {"name": "a", "namespace": "kube-system"},
                   "nodeStageSecretRef": {"name": "b", "namespace": "kube-system"},
                   "nodePublishSecretRef": {"name": "c", "namespace": "kube-system"},
                   "controllerExpandSecretRef": {"name": "d", "namespace": "kube-system"},
                   "nodeExpandSecretRef": {"name": "e", "namespace": "kube-system"}}}
})json";

constexpr std::string_view legacy_persistent_volume = R"json({
  "apiVersion": "v1", "kind": "PersistentVolume",
  "metadata": {"name": "pv-3"},
  "spec": {"capacity": {"storage": "1Gi"},
           "glusterfs": {"endpoints": "g", "path": "v", "endpointsNamespace": "storage", "readOnly": false},
           "rbd": {"monitors": ["m"], "image": "i", "secretRef": {"name": "s", "namespace": "n"}},
           "iscsi": {"targetPortal": "t", "iqn": "q", "lun": 1, "secretRef": {"name": "s"}},
           "cinder": {"volumeID": "c", "secretRef": {"name": "s"}},
           "cephfs": {"monitors": ["m"], "secretRef": {"name": "s"}},
           "flexVolume": {"driver": "d", "secretRef": {"name": "s"}, "options": {"o": "1"}},
           "azureFile": {"secretName": "s", "shareName": "x", "secretNamespace": "n"},
           "scaleIO": {"gateway": "g", "system": "s", "secretRef": {"name": "s"}},
           "storageos": {"volumeName": "v", "secretRef": {"kind": "Secret", "name": "s"}},
           "hostPath": {"path": "/data"}, "nfs": {"server": "s", "path": "/"}, "fc": {"wwids": ["w"]},
           "flocker": {"datasetUUID": "u"}, "vsphereVolume": {"volumePath": "p"}, "quobyte": {"registry": "r", "volume": "v"},
           "azureDisk": {"diskName": "d", "diskURI": "u"}, "photonPersistentDisk": {"pdID": "p"},
           "portworxVolume": {"volumeID": "p"}, "gcePersistentDisk": {"pdName": "p"},
           "awsElasticBlockStore": {"volumeID": "v"}}
})json";

constexpr std::string_view persistent_volume_claim = R"json({
  "apiVersion": "v1", "kind": "PersistentVolumeClaim",
  "metadata": {"name": "data"},
  "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "10Gi"}},
           "storageClassName": "ssd", "volumeName": "pv-1", "volumeMode": "Block"},
  "status": {"phase": "Bound", "accessModes": ["ReadWriteOnce"], "capacity": {"storage": "10Gi"},
             "allocatedResources": {"storage": "20Gi"}, "allocatedResourceStatuses": {"storage": "ControllerResizeInProgress"},
             "currentVolumeAttributesClassName": "gold",
             "modifyVolumeStatus": {"targetVolumeAttributesClassName": "platinum", "status": "InProgress"},
             "conditions": [{"type": "Resizing", "status": "True", "lastProbeTime": null,
                             "lastTransitionTime": "2024-05-01T00:00:00Z", "reason": "", "message": ""}]}
})json";

constexpr std::string_view node = R"json({
  "apiVersion": "v1", "kind": "Node",
  "metadata": {"name": "n1", "labels": {"kubernetes.io/hostname": "n1"}},
  "spec": {"podCIDR": "10.244.1.0/24", "podCIDRs": ["10.244.1.0/24"], "providerID": "aws:///a/i-1",
           "unschedulable": true, "externalID": "",
           "taints": [{"key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule", "timeAdded": "2024-05-01T00:00:00Z"}],
           "configSource": {"configMap": {"namespace": "kube-system", "name": "kubelet", "kubeletConfigKey": "kubelet",
                                          "uid": "u", "resourceVersion": "1"}}},
  "status": {
    "capacity": {"cpu": "4", "memory": "16Gi", "pods": "110"}, "allocatable": {"cpu": "3800m", "memory": "15Gi"},
    "phase": "Running",
    "conditions": [{"type": "Ready", "status": "True", "lastHeartbeatTime": "2024-05-01T00:00:00Z",
                    "lastTransitionTime": "2024-04-01T00:00:00Z", "reason": "KubeletReady", "message": "ready"}],
    "addresses": [{"type": "InternalIP", "address": "10.0.0.10"}, {"type": "Hostname", "address": "n1"}],
    "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
    "nodeInfo": {"machineID": "m", "systemUUID": "s", "bootID": "b", "kernelVersion": "6.1.0", "osImage": "Debian 12",
                 "containerRuntimeVersion": "containerd://1.7.0", "kubeletVersion": "v1.32.0",
                 "kubeProxyVersion": "", "operatingSystem": "linux", "architecture": "amd64"},
    "images": [{"names": ["docker.io/library/nginx@sha256:ab", "nginx:1.27"], "sizeBytes": 71000000}],
    "volumesInUse": ["kubernetes.io/csi/ebs^vol-1"],
    "volumesAttached": [{"name": "kubernetes.io/csi/ebs^vol-1", "devicePath": ""}],
    "config": {"assigned": {"configMap": {"namespace": "kube-system", "name": "k", "kubeletConfigKey": "k"}},
               "active": null, "lastKnownGood": null, "error": ""},
    "runtimeHandlers": [{"name": "", "features": {"recursiveReadOnlyMounts": true, "userNamespaces": false}}],
    "features": {"supplementalGroupsPolicy": true}}
})json";

constexpr std::string_view binding = R"json({
  "apiVersion": "v1", "kind": "Binding", "metadata": {"name": "web-0", "namespace": "default"},
  "target": {"apiVersion": "v1", "kind": "Node", "name": "n1"}
})json";

constexpr std::string_view eviction = R"json({
  "apiVersion": "policy/v1", "kind": "Eviction", "metadata": {"name": "web-0", "namespace": "default"},
  "deleteOptions": {"gracePeriodSeconds": 30, "propagationPolicy": "Background", "dryRun": ["All"],
                    "preconditions": {"uid": "p", "resourceVersion": "12"}, "orphanDependents": false}
})json";

constexpr std::string_view scale = R"json({
  "apiVersion": "autoscaling/v1", "kind": "Scale", "metadata": {"name": "web", "namespace": "default"},
  "spec": {"replicas": 5}, "status": {"replicas": 3, "selector": "app=web"}
})json";

constexpr std::string_view delete_options = R"json({
  "apiVersion": "v1", "kind": "DeleteOptions", "propagationPolicy": "Foreground", "gracePeriodSeconds": 0,
  "ignoreStoreReadErrorWithClusterBreakingPotential": false
})json";

}  // namespace

TEST_CASE("a Deployment using most of what a pod template offers has no unknown field") {
  check_valid(deployment);
}
TEST_CASE("a Pod with every volume source and a full status has no unknown field") {
  check_valid(pod_with_every_volume);
}
TEST_CASE("a StatefulSet with volumeClaimTemplates has no unknown field") {
  check_valid(stateful_set);
}
TEST_CASE("a DaemonSet and a ReplicaSet with status have no unknown field") {
  check_valid(daemon_set);
  check_valid(replica_set);
}
TEST_CASE(
    "a CronJob with failure and success policies and a Job with status have no unknown field") {
  check_valid(cron_job);
  check_valid(job);
}
TEST_CASE("a LoadBalancer Service, Endpoints and an EndpointSlice have no unknown field") {
  check_valid(service);
  check_valid(endpoints);
  check_valid(endpoint_slice);
}
TEST_CASE("HorizontalPodAutoscalers of v2 (every metric source) and v1 have no unknown field") {
  check_valid(autoscaler_v2);
  check_valid(autoscaler_v1);
}
TEST_CASE("roles, cluster roles and their bindings have no unknown field") {
  check_valid(role);
  check_valid(cluster_role);
  check_valid(role_binding);
  check_valid(cluster_role_binding);
}
TEST_CASE("ConfigMap, Secret, ServiceAccount, Namespace and Event have no unknown field") {
  check_valid(config_map);
  check_valid(secret);
  check_valid(service_account);
  check_valid(name_space);
  check_valid(event);
}
TEST_CASE("Lease and PodDisruptionBudget have no unknown field") {
  check_valid(lease);
  check_valid(disruption_budget);
}
TEST_CASE("PersistentVolumes with every source and a PersistentVolumeClaim have no unknown field") {
  check_valid(persistent_volume);
  check_valid(csi_persistent_volume);
  check_valid(legacy_persistent_volume);
  check_valid(persistent_volume_claim);
}
TEST_CASE("a Node with its status has no unknown field") {
  check_valid(node);
}
TEST_CASE("the request kinds Binding, Eviction, Scale and DeleteOptions have no unknown field") {
  check_valid(binding);
  check_valid(eviction);
  check_valid(scale);
  check_valid(delete_options);
}

TEST_CASE("every kind of the registry and of its subresources has a schema") {
  const auto& model = troupe::api::schema::builtin_schema();
  for (const auto& resource : troupe::api::builtin_resources()) {
    INFO(resource.api_version() << " " << resource.kind);
    CHECK(troupe::api::schema::find_kind(model, resource.api_version(), resource.kind) != nullptr);
    for (const auto& sub : resource.subresources) {
      std::string api_version = sub.group.empty() ? sub.version : sub.group + "/" + sub.version;
      INFO(sub.name << " " << api_version << " " << sub.kind);
      CHECK(troupe::api::schema::find_kind(model, api_version, sub.kind) != nullptr);
    }
  }
}
