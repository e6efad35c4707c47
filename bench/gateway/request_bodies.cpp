#include "bench/gateway/request_bodies.hpp"

#include <unistd.h>
#include <nlohmann/json.hpp>

namespace troupe::bench {

using json = nlohmann::json;

std::string run_token() {
  return std::to_string(::getpid());
}

// Names, indexes and payloads here are made of letters, digits, '-' and
// ':', none of which JSON escapes, so the bodies that the load sends at high
// rates are put together as text rather than through a JSON builder.
std::string config_map_body(const std::string& name, std::size_t payload_bytes) {
  return R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":")" + name +
         R"(","labels":{"app":"gateway-bench"}},"data":{"payload":")" +
         std::string(payload_bytes, 'v') + "\"}}";
}

std::string probe_body(const std::string& name, std::uint64_t index, std::int64_t sent_ns) {
  return R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":")" + name + R"("},"data":{)" +
         std::string(probe_marker) + std::to_string(index) + ":" + std::to_string(sent_ns) + "\"}}";
}

namespace {

json app_container() {
  return {
      {"name", "app"},
      {"image", "registry.example.com/shop/checkout:1.27.3"},
      {"imagePullPolicy", "IfNotPresent"},
      {"command", {"/usr/local/bin/checkout"}},
      {"args", {"--listen=:8080", "--metrics=:9090", "--log-level=info"}},
      {"ports",
       {{{"name", "http"}, {"containerPort", 8080}, {"protocol", "TCP"}},
        {{"name", "metrics"}, {"containerPort", 9090}, {"protocol", "TCP"}}}},
      {"env",
       {{{"name", "POD_NAME"}, {"valueFrom", {{"fieldRef", {{"fieldPath", "metadata.name"}}}}}},
        {{"name", "POD_IP"}, {"valueFrom", {{"fieldRef", {{"fieldPath", "status.podIP"}}}}}},
        {{"name", "CHECKOUT_MODE"}, {"value", "production"}}}},
      {"resources",
       {{"requests", {{"cpu", "250m"}, {"memory", "256Mi"}}},
        {"limits", {{"cpu", "1"}, {"memory", "512Mi"}}}}},
      {"readinessProbe",
       {{"httpGet", {{"path", "/readyz"}, {"port", "http"}}},
        {"initialDelaySeconds", 5},
        {"periodSeconds", 10}}},
      {"livenessProbe",
       {{"tcpSocket", {{"port", 8080}}}, {"periodSeconds", 20}, {"failureThreshold", 3}}},
      {"volumeMounts", {{{"name", "config"}, {"mountPath", "/etc/checkout"}, {"readOnly", true}}}},
  };
}

json sidecar_container() {
  return {
      {"name", "log-shipper"},
      {"image", "registry.example.com/platform/log-shipper:0.9.1"},
      {"args", {"--source=/var/log/checkout", "--target=collector.logging:24224"}},
      {"resources",
       {{"requests", {{"cpu", "50m"}, {"memory", "64Mi"}}},
        {"limits", {{"cpu", "100m"}, {"memory", "128Mi"}}}}},
      {"volumeMounts", {{{"name", "logs"}, {"mountPath", "/var/log/checkout"}}}},
  };
}

}  // namespace

std::string pod_body(const std::string& name) {
  json pod = {
      {"apiVersion", "v1"},
      {"kind", "Pod"},
      {"metadata",
       {{"name", name},
        {"labels", {{"app", "checkout"}, {"tier", "backend"}, {"pod-template-hash", "7d9f8c6b5"}}},
        {"annotations", {{"prometheus.io/scrape", "true"}, {"prometheus.io/port", "9090"}}}}},
      {"spec",
       {{"containers", {app_container(), sidecar_container()}},
        {"volumes",
         {{{"name", "config"}, {"configMap", {{"name", "checkout-config"}}}},
          {{"name", "logs"}, {"emptyDir", json::object()}}}},
        {"restartPolicy", "Always"},
        {"terminationGracePeriodSeconds", 30},
        {"nodeSelector", {{"kubernetes.io/os", "linux"}}},
        {"securityContext", {{"runAsNonRoot", true}, {"runAsUser", 10001}, {"fsGroup", 10001}}},
        {"tolerations",
         {{{"key", "node.kubernetes.io/not-ready"},
           {"operator", "Exists"},
           {"effect", "NoExecute"},
           {"tolerationSeconds", 300}},
          {{"key", "node.kubernetes.io/unreachable"},
           {"operator", "Exists"},
           {"effect", "NoExecute"},
           {"tolerationSeconds", 300}}}}}},
  };
  return pod.dump();
}

std::string namespace_body(const std::string& name) {
  return R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":")" + name + "\"}}";
}

std::string base64(std::string_view bytes) {
  static constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    auto remaining = bytes.size() - i;
    std::uint32_t group = static_cast<unsigned char>(bytes[i]) << 16;
    if (remaining > 1) group |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (remaining > 2) group |= static_cast<unsigned char>(bytes[i + 2]);
    out += alphabet[(group >> 18) & 63];
    out += alphabet[(group >> 12) & 63];
    out += remaining > 1 ? alphabet[(group >> 6) & 63] : '=';
    out += remaining > 2 ? alphabet[group & 63] : '=';
  }
  return out;
}

std::string etcd_put_body(const std::string& key, const std::string& encoded_value) {
  return R"({"key":")" + base64(key) + R"(","value":")" + encoded_value + "\"}";
}

}  // namespace troupe::bench
