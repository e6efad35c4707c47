// POST pods/<name>/binding: the scheduler's write (kube's BindingREST). The
// pod gets spec.nodeName = target.name, the Binding's annotations and a
// PodScheduled=True condition, unless it is already assigned or being
// deleted (409). Answered 201 with a Success Status.
#include "actors/api/core/api_status.hpp"
#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/body_decoding.hpp"
#include "actors/api/core/server/object_codec.hpp"
#include "actors/api/core/server/operation_support.hpp"
#include "actors/api/core/server/operations.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

void set_scheduled(json& pod, api_clock::time_point now) {
  auto& status = pod["status"];
  if (!status.is_object()) status = json::object();
  auto& conditions = status["conditions"];
  if (!conditions.is_array()) conditions = json::array();
  for (auto& condition : conditions)
    if (condition.is_object() && condition.value("type", "") == "PodScheduled") {
      if (condition.value("status", "") != "True")
        condition["lastTransitionTime"] = format_timestamp(now);
      condition["status"] = "True";
      return;
    }
  conditions.push_back({{"type", "PodScheduled"},
                        {"status", "True"},
                        {"lastTransitionTime", format_timestamp(now)}});
}

class binding_operation final : public api_operation {
 public:
  binding_operation(api_request request, const resource_info& resource)
      : request_(std::move(request)), target_(target_of(request_, resource)) {}

  operation_step start(operation_context&) override {
    auto parsed = parse_body(request_.content_type, request_.body);
    if (auto* failure = failure_of(parsed)) return fail(*failure);
    binding_ = std::get<json>(std::move(parsed));
    node_ = string_at(binding_, {"target", "name"});
    auto kind = string_at(binding_, {"target", "kind"});
    if (!kind.empty() && kind != "Node")
      return fail({invalid(resource_name{"", "bindings", "Binding", target_.name},
                           {{field_error::kind::not_supported, "target.kind", "\"" + kind + "\"",
                             "supported values: \"Node\", \"<empty>\""}})});
    if (node_.empty())
      return fail({invalid(resource_name{"", "bindings", "Binding", target_.name},
                           {{field_error::kind::required, "target.name", "", ""}})});
    auto name = object_name(binding_);
    if (!name.empty() && name != target_.name)
      return fail({bad_request("name in URL does not match name in Binding object")});
    return read_keys{{target_.key}, false};
  }

  operation_step on_keys(const std::vector<std::optional<key_value>>& values, bool,
                         operation_context& context) override {
    if (!values.at(0)) return fail({not_found(name_of(*target_.served, target_.name))});
    return bind(*values[0], context);
  }

  operation_step on_write(const txn_response& response, operation_context& context) override {
    if (response.succeeded)
      return answer{json_response(201, json{{"kind", "Status"},
                                            {"apiVersion", "v1"},
                                            {"metadata", json::object()},
                                            {"status", "Success"},
                                            {"code", 201}})};
    if (response.reads.empty() || response.reads[0].kvs.empty())
      return fail({not_found(name_of(*target_.served, target_.name))});
    if (++attempts_ >= update_attempts_max)
      return fail({conflict(name_of(*target_.served, target_.name))});
    return bind(response.reads[0].kvs[0], context);
  }

 private:
  operation_step bind(const key_value& stored, operation_context& context) {
    auto current = object_of(stored);
    if (auto* failure = failure_of(current)) return fail(*failure);
    auto pod = std::get<json>(std::move(current));
    // kube's assignPod reports these as a Conflict on pods/binding.
    const resource_name binding{"", "pods/binding", "", target_.name};
    if (being_deleted(pod))
      return fail({conflict(
          binding, "pod " + target_.name + " is being deleted, cannot be assigned to a host")});
    if (auto assigned = string_at(pod, {"spec", "nodeName"}); !assigned.empty())
      return fail({conflict(
          binding, "pod " + target_.name + " is already assigned to node \"" + assigned + "\"")});
    pod["spec"]["nodeName"] = node_;
    if (const auto* annotations = value_at(binding_, {"metadata", "annotations"});
        annotations && annotations->is_object())
      for (const auto& [key, value] : annotations->items())
        if (value.is_string()) metadata_of(pod)["annotations"][key] = value;
    set_scheduled(pod, context.now);
    metadata_of(pod).erase("resourceVersion");
    txn_request txn;
    txn.compares.push_back({target_.key, txn_compare::target::mod_revision, txn_compare::op::equal,
                            stored.mod_revision});
    txn.success.push_back({txn_operation::kind::put, target_.key, "", encode_object(pod)});
    txn.failure.push_back({txn_operation::kind::range, target_.key, "", ""});
    return write{std::move(txn)};
  }

  operation_step fail(const api_failure& failure) const {
    return answer{failure_response(failure)};
  }

  api_request request_;
  request_target target_;
  json binding_;
  std::string node_;
  int attempts_ = 0;
};

}  // namespace

std::unique_ptr<api_operation> make_binding_operation(const api_request& request,
                                                      const resource_info& resource) {
  return std::make_unique<binding_operation>(request, resource);
}

}  // namespace troupe::api
