// One manifest per built-in kind of resource_registry.cpp, each reaching
// every defaulting path of its kind (nested pod templates, volumes, probes,
// claim templates, behaviors...), for the tests that hold for all kinds:
// idempotence and the handling of members of unexpected types.
#pragma once

#include <string>
#include <vector>

namespace troupe::api::test {

// A pod spec reaching every container, volume and probe default.
inline const std::string pod_spec_manifest = R"({"hostNetwork": true,
      "initContainers": [{"name": "setup", "image": "busybox",
                          "ports": [{"containerPort": 9000}],
                          "resources": {"limits": {"cpu": "0.5m"}}}],
      "containers": [{"name": "web", "image": "nginx:1.27",
        "ports": [{"containerPort": 80}],
        "env": [{"name": "POD", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}}],
        "resources": {"limits": {"cpu": "1", "memory": "64Mi"}, "requests": {"cpu": "100n"}},
        "livenessProbe": {"httpGet": {"port": 80}},
        "readinessProbe": {"grpc": {"port": 9090}},
        "startupProbe": {"tcpSocket": {"port": 80}},
        "lifecycle": {"postStart": {"httpGet": {"port": 80}},
                      "preStop": {"httpGet": {"port": 80}}}}],
      "ephemeralContainers": [{"name": "debug", "image": "busybox"}],
      "volumes": [{"name": "scratch"}, {"name": "s", "secret": {"secretName": "s"}},
        {"name": "c", "configMap": {"name": "c"}}, {"name": "h", "hostPath": {"path": "/x"}},
        {"name": "d", "downwardAPI": {"items": [{"path": "n",
          "fieldRef": {"fieldPath": "metadata.name"}}]}},
        {"name": "p", "projected": {"sources": [{"serviceAccountToken": {"path": "t"}},
          {"downwardAPI": {"items": [{"path": "n",
            "fieldRef": {"fieldPath": "metadata.name"}}]}}]}},
        {"name": "i", "iscsi": {"targetPortal": "t", "iqn": "q", "lun": 0}},
        {"name": "r", "rbd": {"monitors": ["m"], "image": "i"}},
        {"name": "a", "azureDisk": {"diskName": "d", "diskURI": "u"}},
        {"name": "o", "scaleIO": {"gateway": "g", "system": "s", "secretRef": {"name": "x"}}},
        {"name": "e", "ephemeral": {"volumeClaimTemplate": {"spec": {
          "resources": {"requests": {"storage": "1Gi"}}}}}}],
      "overhead": {"cpu": "0.1m"}})";

inline const std::string pod_template_manifest =
    R"({"metadata": {"labels": {"app": "web"}}, "spec": )" + pod_spec_manifest + "}";

inline std::vector<std::string> kind_manifests() {
  const std::string& pod_spec = pod_spec_manifest;
  const std::string& pod_template = pod_template_manifest;
  return {

      R"({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"}})",
      R"({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web"},
        "spec": )" +
          pod_spec + "}",
      R"({"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"},
        "status": {"capacity": {"cpu": "4", "pods": "0.0001"}}})",
      R"({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
        "spec": {"type": "LoadBalancer", "sessionAffinity": "ClientIP",
                 "ports": [{"port": 80}, {"port": 81, "targetPort": 0}]},
        "status": {"loadBalancer": {"ingress": [{"ip": "192.0.2.1"}]}}})",
      R"({"apiVersion": "v1", "kind": "Endpoints", "metadata": {"name": "web"},
        "subsets": [{"addresses": [{"ip": "10.0.0.5"}], "ports": [{"port": 80}]}]})",
      R"({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"},
        "data": {"k": "v"}})",
      R"({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "s"}})",
      R"({"apiVersion": "v1", "kind": "Event", "metadata": {"name": "e"},
        "involvedObject": {"kind": "Pod", "name": "web"}, "reason": "Started"})",
      R"({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "sa"}})",
      R"({"apiVersion": "v1", "kind": "PersistentVolume", "metadata": {"name": "pv"},
        "spec": {"capacity": {"storage": "0.5m"}, "hostPath": {"path": "/data"},
                 "azureDisk": {"diskName": "d", "diskURI": "u"}}})",
      R"({"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "data"},
        "spec": {"resources": {"requests": {"storage": "1Gi"}}},
        "status": {"capacity": {"storage": "0.5m"}}})",
      R"({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
        "spec": {"selector": {"matchLabels": {"app": "web"}},
                 "template": )" +
          pod_template + "}}",
      R"({"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": {"name": "web"},
        "spec": {"template": )" +
          pod_template + "}}",
      R"({"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "web"},
        "spec": {"serviceName": "web", "template": )" +
          pod_template + R"(,
                 "volumeClaimTemplates": [{"metadata": {"name": "data"},
                   "spec": {"resources": {"requests": {"storage": "1Gi"}}}}]}})",
      R"({"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "web"},
        "spec": {"template": )" +
          pod_template + "}}",
      R"({"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "pi"},
        "spec": {"podFailurePolicy": {"rules": [{"action": "Ignore",
                   "onPodConditions": [{"type": "DisruptionTarget"}]}]},
                 "template": )" +
          pod_template + "}}",
      R"({"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "tick"},
        "spec": {"schedule": "@hourly", "jobTemplate": {"spec": {
          "podFailurePolicy": {"rules": [{"action": "Ignore",
            "onPodConditions": [{"type": "DisruptionTarget"}]}]},
          "template": )" +
          pod_template + "}}}}",
      R"({"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
        "metadata": {"name": "web"},
        "spec": {"maxReplicas": 5, "behavior": {"scaleUp": {"selectPolicy": "Min"}}}})",
      R"({"apiVersion": "autoscaling/v1", "kind": "HorizontalPodAutoscaler",
        "metadata": {"name": "web"}, "spec": {"maxReplicas": 5}})",
      R"({"apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": {"name": "l"},
        "spec": {"holderIdentity": "n1"}})",
      R"({"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
        "metadata": {"name": "web-1"}, "addressType": "IPv4", "ports": [{"port": 80}]})",
      R"({"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": {"name": "p"},
        "spec": {"minAvailable": 1}})",
      R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": {"name": "r"},
        "rules": []})",
      R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
        "metadata": {"name": "r"}, "rules": []})",
      R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
        "metadata": {"name": "b"}, "roleRef": {"kind": "Role", "name": "r"},
        "subjects": [{"kind": "User", "name": "jane"}]})",
      R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
        "metadata": {"name": "b"}, "roleRef": {"kind": "ClusterRole", "name": "r"},
        "subjects": [{"kind": "Group", "name": "devs"}]})"};
}

}  // namespace troupe::api::test
