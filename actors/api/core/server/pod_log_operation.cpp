// GET pods/<name>/log: picks the container as kube's LogLocation does (the
// only one, or the one named; otherwise a 400 listing the choices), answers
// an unscheduled pod with an empty log (kube's empty location), and hands a
// scheduled pod to its node's kubelet (stream_logs; the api actor finds
// the kubelet).
#include <sstream>

#include "actors/api/core/api_status.hpp"
#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/object_codec.hpp"
#include "actors/api/core/server/operation_support.hpp"
#include "actors/api/core/server/operations.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

std::vector<std::string> container_names(const json& pod, std::string_view list) {
  std::vector<std::string> names;
  if (const auto* containers = value_at(pod, {"spec", list}); containers && containers->is_array())
    for (const auto& container : *containers) names.push_back(string_member(container, "name"));
  return names;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : " ") + name;
  return text;
}

class log_operation final : public api_operation {
 public:
  log_operation(api_request request, const resource_info& resource)
      : request_(std::move(request)), target_(target_of(request_, resource)) {}

  operation_step start(operation_context&) override { return read_keys{{target_.key}, true}; }

  operation_step on_keys(const std::vector<std::optional<key_value>>& values, bool from_cache,
                         operation_context&) override {
    if (!values.at(0)) {
      if (from_cache) return read_keys{{target_.key}, false};
      return fail({not_found(name_of(*target_.served, target_.name))});
    }
    auto parsed = object_of(*values[0]);
    if (auto* failure = failure_of(parsed)) return fail(*failure);
    const auto& pod = std::get<json>(parsed);
    auto container = query_value(request_.query, "container").value_or("");
    auto containers = container_names(pod, "containers");
    auto init = container_names(pod, "initContainers");
    auto ephemeral = container_names(pod, "ephemeralContainers");
    if (container.empty()) {
      if (containers.size() == 1) {
        container = containers.front();
      } else if (containers.empty()) {
        return fail({bad_request("a container name must be specified for pod " + target_.name)});
      } else {
        auto message = "a container name must be specified for pod " + target_.name +
                       ", choose one of: [" + joined(containers) + "]";
        if (!init.empty()) message += " or one of the init containers: [" + joined(init) + "]";
        return fail({bad_request(message)});
      }
    } else {
      bool known = false;
      for (const auto* names : {&containers, &init, &ephemeral})
        for (const auto& name : *names) known = known || name == container;
      if (!known)
        return fail(
            {bad_request("container " + container + " is not valid for pod " + target_.name)});
    }
    auto node = string_at(pod, {"spec", "nodeName"});
    if (node.empty()) {
      api_response empty;
      empty.content_type = "text/plain";
      return answer{empty};
    }
    return stream_logs{node, target_.namespace_name, target_.name, container, request_};
  }

 private:
  operation_step fail(const api_failure& failure) const {
    return answer{failure_response(failure)};
  }

  api_request request_;
  request_target target_;
};

}  // namespace

std::unique_ptr<api_operation> make_log_operation(const api_request& request,
                                                  const resource_info& resource) {
  return std::make_unique<log_operation>(request, resource);
}

}  // namespace troupe::api
