#include "validation_fixtures.hpp"

#include "actors/api/core/validation/api_validation.hpp"

namespace troupe::api::validation_test {

namespace {

std::string api_version_of(const json& object) {
  return object.value("apiVersion", std::string());
}
std::string kind_of(const json& object) {
  return object.value("kind", std::string());
}

json meta(const char* name) {
  return {{"name", name}, {"namespace", "default"}, {"labels", {{"app", "web"}}}};
}

}  // namespace

std::vector<std::string> rendered(const std::vector<field_error>& causes) {
  std::vector<std::string> lines;
  for (const auto& cause : causes) lines.push_back(cause.field + ": " + cause.body());
  return lines;
}

std::vector<std::string> create_causes(const json& object) {
  return rendered(validate_create(object, api_version_of(object), kind_of(object)));
}

std::vector<std::string> update_causes(const json& object, const json& old) {
  return rendered(validate_update(object, old, api_version_of(object), kind_of(object)));
}

std::vector<std::string> status_causes(const json& object, const json& old) {
  return rendered(validate_status_update(object, old, api_version_of(object), kind_of(object)));
}

json pod_spec() {
  return json::parse(R"({
    "containers": [{
      "name": "web", "image": "nginx:1.27", "imagePullPolicy": "IfNotPresent",
      "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File",
      "ports": [{"name": "http", "containerPort": 80, "protocol": "TCP"}],
      "env": [{"name": "MODE", "value": "production"},
              {"name": "POD_IP", "valueFrom": {"fieldRef": {"apiVersion": "v1", "fieldPath": "status.podIP"}}}],
      "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"cpu": "500m", "memory": "128Mi"}},
      "readinessProbe": {"httpGet": {"path": "/", "port": "http", "scheme": "HTTP"},
                         "timeoutSeconds": 1, "periodSeconds": 10, "successThreshold": 1, "failureThreshold": 3},
      "volumeMounts": [{"name": "data", "mountPath": "/data"}, {"name": "config", "mountPath": "/etc/web"}]
    }],
    "volumes": [{"name": "data", "emptyDir": {}},
                {"name": "config", "configMap": {"name": "web-config", "defaultMode": 420}}],
    "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
    "securityContext": {}, "schedulerName": "default-scheduler", "enableServiceLinks": true,
    "tolerations": [{"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute",
                     "tolerationSeconds": 300}]
  })");
}

json pod() {
  return {{"apiVersion", "v1"}, {"kind", "Pod"}, {"metadata", meta("web")}, {"spec", pod_spec()}};
}

json pod_template() {
  return {{"metadata", {{"labels", {{"app", "web"}}}}}, {"spec", pod_spec()}};
}

json deployment() {
  return {{"apiVersion", "apps/v1"},
          {"kind", "Deployment"},
          {"metadata", meta("web")},
          {"spec",
           {{"replicas", 3},
            {"selector", {{"matchLabels", {{"app", "web"}}}}},
            {"template", pod_template()},
            {"strategy",
             {{"type", "RollingUpdate"},
              {"rollingUpdate", {{"maxUnavailable", "25%"}, {"maxSurge", "25%"}}}}},
            {"revisionHistoryLimit", 10},
            {"progressDeadlineSeconds", 600}}}};
}

json replica_set() {
  return {{"apiVersion", "apps/v1"},
          {"kind", "ReplicaSet"},
          {"metadata", meta("web-5d4f8")},
          {"spec",
           {{"replicas", 2},
            {"selector", {{"matchLabels", {{"app", "web"}}}}},
            {"template", pod_template()}}}};
}

json stateful_set() {
  return {{"apiVersion", "apps/v1"},
          {"kind", "StatefulSet"},
          {"metadata", meta("db")},
          {"spec",
           {{"replicas", 3},
            {"serviceName", "db"},
            {"selector", {{"matchLabels", {{"app", "web"}}}}},
            {"template", pod_template()},
            {"podManagementPolicy", "OrderedReady"},
            {"updateStrategy", {{"type", "RollingUpdate"}, {"rollingUpdate", {{"partition", 0}}}}},
            {"revisionHistoryLimit", 10},
            {"persistentVolumeClaimRetentionPolicy",
             {{"whenDeleted", "Retain"}, {"whenScaled", "Retain"}}}}}};
}

json daemon_set() {
  return {
      {"apiVersion", "apps/v1"},
      {"kind", "DaemonSet"},
      {"metadata", meta("agent")},
      {"spec",
       {{"selector", {{"matchLabels", {{"app", "web"}}}}},
        {"template", pod_template()},
        {"updateStrategy",
         {{"type", "RollingUpdate"}, {"rollingUpdate", {{"maxUnavailable", 1}, {"maxSurge", 0}}}}},
        {"revisionHistoryLimit", 10}}}};
}

json job() {
  json template_spec = pod_template();
  template_spec["spec"]["restartPolicy"] = "Never";
  template_spec["metadata"]["labels"]["batch.kubernetes.io/controller-uid"] = "0a1b";
  return {{"apiVersion", "batch/v1"},
          {"kind", "Job"},
          {"metadata", meta("migrate")},
          {"spec",
           {{"parallelism", 1},
            {"completions", 1},
            {"backoffLimit", 6},
            {"completionMode", "NonIndexed"},
            {"suspend", false},
            {"selector", {{"matchLabels", {{"batch.kubernetes.io/controller-uid", "0a1b"}}}}},
            {"template", template_spec}}}};
}

json cron_job() {
  json template_spec = pod_template();
  template_spec["spec"]["restartPolicy"] = "OnFailure";
  return {{"apiVersion", "batch/v1"},
          {"kind", "CronJob"},
          {"metadata", meta("nightly")},
          {"spec",
           {{"schedule", "30 2 * * 1-5"},
            {"concurrencyPolicy", "Forbid"},
            {"suspend", false},
            {"successfulJobsHistoryLimit", 3},
            {"failedJobsHistoryLimit", 1},
            {"jobTemplate",
             {{"spec",
               {{"backoffLimit", 6},
                {"completionMode", "NonIndexed"},
                {"template", template_spec}}}}}}}};
}

json service() {
  return json::parse(R"({"apiVersion": "v1", "kind": "Service",
    "metadata": {"name": "web", "namespace": "default"},
    "spec": {"type": "ClusterIP", "selector": {"app": "web"}, "sessionAffinity": "None",
             "clusterIP": "10.96.0.10", "clusterIPs": ["10.96.0.10"], "ipFamilies": ["IPv4"],
             "ipFamilyPolicy": "SingleStack", "internalTrafficPolicy": "Cluster",
             "ports": [{"name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"},
                       {"name": "metrics", "port": 9090, "targetPort": 9090, "protocol": "TCP"}]}})");
}

json endpoints() {
  return json::parse(R"({"apiVersion": "v1", "kind": "Endpoints",
    "metadata": {"name": "web", "namespace": "default"},
    "subsets": [{"addresses": [{"ip": "10.244.1.5", "nodeName": "worker-1",
                                "targetRef": {"kind": "Pod", "name": "web-1", "namespace": "default"}}],
                 "ports": [{"name": "http", "port": 8080, "protocol": "TCP"}]}]})");
}

json endpoint_slice() {
  return json::parse(R"({"apiVersion": "discovery.k8s.io/v1", "kind": "EndpointSlice",
    "metadata": {"name": "web-abc12", "namespace": "default", "labels": {"kubernetes.io/service-name": "web"}},
    "addressType": "IPv4",
    "endpoints": [{"addresses": ["10.244.1.5"], "conditions": {"ready": true}, "nodeName": "worker-1",
                   "zone": "zone-a"}],
    "ports": [{"name": "http", "port": 8080, "protocol": "TCP"}]})");
}

json config_map() {
  return json::parse(R"({"apiVersion": "v1", "kind": "ConfigMap",
    "metadata": {"name": "web-config", "namespace": "default"},
    "data": {"app.properties": "mode=production\n", "LOG_LEVEL": "info"},
    "binaryData": {"logo.png": "iVBORw0KGgo="}})");
}

json secret() {
  return json::parse(R"({"apiVersion": "v1", "kind": "Secret",
    "metadata": {"name": "web-tls", "namespace": "default"}, "type": "kubernetes.io/tls",
    "data": {"tls.crt": "Y2VydA==", "tls.key": "a2V5"}})");
}

json namespace_object() {
  return json::parse(R"({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "team-a"},
    "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}})");
}

json node() {
  return json::parse(R"({"apiVersion": "v1", "kind": "Node",
    "metadata": {"name": "worker-1", "labels": {"kubernetes.io/hostname": "worker-1"}},
    "spec": {"podCIDR": "10.244.1.0/24", "podCIDRs": ["10.244.1.0/24"],
             "taints": [{"key": "dedicated", "value": "gpu", "effect": "NoSchedule"}]},
    "status": {"capacity": {"cpu": "4", "memory": "16Gi", "pods": "110"},
               "allocatable": {"cpu": "3800m", "memory": "15Gi", "pods": "110"},
               "addresses": [{"type": "InternalIP", "address": "192.168.1.10"},
                             {"type": "Hostname", "address": "worker-1"}]}})");
}

json event() {
  return json::parse(R"({"apiVersion": "v1", "kind": "Event",
    "metadata": {"name": "web.17a", "namespace": "default"},
    "involvedObject": {"kind": "Pod", "name": "web", "namespace": "default", "uid": "u-1"},
    "reason": "Scheduled", "message": "assigned default/web to worker-1", "type": "Normal",
    "source": {"component": "default-scheduler"}, "count": 1,
    "firstTimestamp": "2024-05-01T10:00:00Z", "lastTimestamp": "2024-05-01T10:00:00Z"})");
}

json service_account() {
  return json::parse(R"({"apiVersion": "v1", "kind": "ServiceAccount",
    "metadata": {"name": "builder", "namespace": "default"}})");
}

json persistent_volume() {
  return json::parse(
      R"({"apiVersion": "v1", "kind": "PersistentVolume", "metadata": {"name": "pv-data"},
    "spec": {"capacity": {"storage": "10Gi"}, "accessModes": ["ReadWriteOnce"],
             "persistentVolumeReclaimPolicy": "Retain", "storageClassName": "local", "volumeMode": "Filesystem",
             "hostPath": {"path": "/srv/data", "type": "DirectoryOrCreate"}}})");
}

json persistent_volume_claim() {
  return json::parse(R"({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
    "metadata": {"name": "data", "namespace": "default"},
    "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "5Gi"}},
             "storageClassName": "local", "volumeMode": "Filesystem"}})");
}

json autoscaler_v2() {
  return json::parse(R"({"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
    "metadata": {"name": "web", "namespace": "default"},
    "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
             "minReplicas": 2, "maxReplicas": 10,
             "metrics": [{"type": "Resource", "resource": {"name": "cpu",
                          "target": {"type": "Utilization", "averageUtilization": 70}}}],
             "behavior": {"scaleDown": {"stabilizationWindowSeconds": 300, "selectPolicy": "Max",
                                        "policies": [{"type": "Percent", "value": 100, "periodSeconds": 15}]}}}})");
}

json autoscaler_v1() {
  return json::parse(R"({"apiVersion": "autoscaling/v1", "kind": "HorizontalPodAutoscaler",
    "metadata": {"name": "web", "namespace": "default"},
    "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "web"},
             "minReplicas": 1, "maxReplicas": 5, "targetCPUUtilizationPercentage": 80}})");
}

json disruption_budget() {
  return json::parse(R"({"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
    "metadata": {"name": "web", "namespace": "default"},
    "spec": {"minAvailable": 2, "selector": {"matchLabels": {"app": "web"}}}})");
}

json lease() {
  return json::parse(R"({"apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
    "metadata": {"name": "worker-1", "namespace": "kube-node-lease"},
    "spec": {"holderIdentity": "worker-1", "leaseDurationSeconds": 40,
             "renewTime": "2024-05-01T10:00:00.000000Z"}})");
}

json role() {
  return json::parse(R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
    "metadata": {"name": "pod-reader", "namespace": "default"},
    "rules": [{"apiGroups": [""], "resources": ["pods", "pods/log"], "verbs": ["get", "list", "watch"]}]})");
}

json cluster_role() {
  return json::parse(R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
    "metadata": {"name": "system:metrics-reader"},
    "rules": [{"nonResourceURLs": ["/metrics"], "verbs": ["get"]},
              {"apiGroups": ["apps"], "resources": ["deployments"], "resourceNames": ["web"], "verbs": ["get"]}]})");
}

json role_binding() {
  return json::parse(R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
    "metadata": {"name": "read-pods", "namespace": "default"},
    "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "pod-reader"},
    "subjects": [{"kind": "User", "name": "jane", "apiGroup": "rbac.authorization.k8s.io"},
                 {"kind": "ServiceAccount", "name": "builder", "namespace": "default"}]})");
}

json cluster_role_binding() {
  return json::parse(R"({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
    "metadata": {"name": "metrics"},
    "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "system:metrics-reader"},
    "subjects": [{"kind": "Group", "name": "system:monitoring", "apiGroup": "rbac.authorization.k8s.io"},
                 {"kind": "ServiceAccount", "name": "prometheus", "namespace": "monitoring"}]})");
}

json stored(json object) {
  object["metadata"]["resourceVersion"] = "41";
  object["metadata"]["uid"] = "7c1d9d5e-0f0e-4d3a-9a51-2f0f2c1b1a10";
  object["metadata"]["creationTimestamp"] = "2024-05-01T10:00:00Z";
  object["metadata"]["generation"] = 1;
  return object;
}

std::vector<json> every_kind() {
  return {pod(),
          deployment(),
          replica_set(),
          stateful_set(),
          daemon_set(),
          job(),
          cron_job(),
          service(),
          endpoints(),
          endpoint_slice(),
          config_map(),
          secret(),
          namespace_object(),
          node(),
          event(),
          service_account(),
          persistent_volume(),
          persistent_volume_claim(),
          autoscaler_v2(),
          autoscaler_v1(),
          disruption_budget(),
          lease(),
          role(),
          cluster_role(),
          role_binding(),
          cluster_role_binding()};
}

}  // namespace troupe::api::validation_test
