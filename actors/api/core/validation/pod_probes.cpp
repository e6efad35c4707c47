// Probes and lifecycle hooks of a container (kube's validateProbe,
// validateHandler and validateLifecycle).
#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/pod_container_parts.hpp"
#include "actors/api/core/validation/value_rules.hpp"

namespace troupe::api::validation {

namespace {

error_list http_get(const json& action, const field_path& path) {
  error_list errors;
  if (text(action, "path").empty()) errors.push_back(required(path.child("path")));
  const json* port = member(action, "port");
  append(errors, port_number_or_name(port != nullptr ? *port : json(0), path.child("port")));
  auto scheme = text(action, "scheme");
  if (scheme != "HTTP" && scheme != "HTTPS")
    errors.push_back(not_supported(path.child("scheme"), go_quote(scheme), {"HTTP", "HTTPS"}));
  for (const auto& header : list(action, "httpHeaders")) {
    auto name = text(header, "name");
    append_invalid(errors, path.child("httpHeaders"), go_quote(name),
                   http_header_name_messages(name));
  }
  return errors;
}

error_list sleep_action(const json& action, std::optional<std::int64_t> grace_period,
                        const field_path& path) {
  auto seconds = integer_or_zero(action, "seconds");
  if (!grace_period || (seconds > 0 && seconds <= *grace_period)) return {};
  return {
      invalid(path, std::to_string(seconds),
              "must be greater than 0 and less than terminationGracePeriodSeconds (" +
                  std::to_string(*grace_period) +
                  "). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.")};
}

// validateHandler: exactly one of the actions a probe (or hook) allows.
error_list handler(const json& owner, bool hook, std::optional<std::int64_t> grace_period,
                   const field_path& path) {
  error_list errors;
  int handlers = 0;
  auto one = [&](const char* key) -> const json* {
    const json* action = member(owner, key);
    if (action == nullptr) return nullptr;
    if (handlers++ > 0) {
      errors.push_back(forbidden(path.child(key), "may not specify more than 1 handler type"));
      return nullptr;
    }
    return action;
  };
  if (const json* exec = one("exec"))
    if (!non_empty(*exec, "command"))
      errors.push_back(required(path.child("exec").child("command")));
  if (const json* get = one("httpGet")) append(errors, http_get(*get, path.child("httpGet")));
  if (const json* tcp = one("tcpSocket")) {
    const json* port = member(*tcp, "port");
    append(errors, port_number_or_name(port != nullptr ? *port : json(0),
                                       path.child("tcpSocket").child("port")));
  }
  if (!hook)
    if (const json* grpc = one("grpc"))
      append(errors, port_number_or_name(json(integer_or_zero(*grpc, "port")),
                                         path.child("grpc").child("port")));
  if (hook)
    if (const json* sleep = one("sleep"))
      append(errors, sleep_action(*sleep, grace_period, path.child("sleep")));
  if (handlers == 0) errors.push_back(required(path, "must specify a handler type"));
  return errors;
}

}  // namespace

error_list probe(const json* value, probe_kind kind, std::optional<std::int64_t> grace_period,
                 const field_path& path) {
  if (value == nullptr) return {};
  error_list errors = handler(*value, false, grace_period, path);
  for (const char* key : {"initialDelaySeconds", "timeoutSeconds", "periodSeconds",
                          "successThreshold", "failureThreshold"})
    append(errors, non_negative(integer_or_zero(*value, key), path.child(key)));
  auto termination = integer_member(*value, "terminationGracePeriodSeconds");
  if (termination && *termination <= 0)
    errors.push_back(invalid(path.child("terminationGracePeriodSeconds"),
                             std::to_string(*termination), "must be greater than 0"));
  auto success = integer_or_zero(*value, "successThreshold");
  if (kind != probe_kind::readiness && success != 1)
    errors.push_back(invalid(path.child("successThreshold"), std::to_string(success), "must be 1"));
  if (kind == probe_kind::readiness && termination)
    errors.push_back(invalid(path.child("terminationGracePeriodSeconds"),
                             std::to_string(*termination), "must not be set for readinessProbes"));
  return errors;
}

error_list lifecycle(const json& hooks, std::optional<std::int64_t> grace_period,
                     const field_path& path) {
  error_list errors;
  if (const json* post_start = member(hooks, "postStart"))
    append(errors, handler(*post_start, true, grace_period, path.child("postStart")));
  if (const json* pre_stop = member(hooks, "preStop"))
    append(errors, handler(*pre_stop, true, grace_period, path.child("preStop")));
  return errors;
}

}  // namespace troupe::api::validation
