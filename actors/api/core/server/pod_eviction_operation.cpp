// POST pods/<name>/eviction (policy/v1 Eviction), as kube's EvictionREST:
// a pod that is Pending, Succeeded, Failed or already deleting is deleted at
// once; otherwise the one PodDisruptionBudget of its namespace whose
// selector matches it must allow a disruption: its status.disruptionsAllowed
// is decremented and the pod recorded in status.disruptedPods (a compare on
// the budget's mod_revision) before the pod is deleted with the Eviction's
// deleteOptions. No budget: deleted. A budget not yet observed by its
// controller, or with no disruption allowed: 429 with kube's wording and
// cause. More than one budget: 500, as kube.
#include "actors/api/core/api_status.hpp"
#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/body_decoding.hpp"
#include "actors/api/core/server/object_codec.hpp"
#include "actors/api/core/server/object_keys.hpp"
#include "actors/api/core/server/operation_support.hpp"
#include "actors/api/core/server/operations.hpp"
#include "messages/core/label_selector.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

// kube's MaxDisruptedPodSize.
constexpr std::size_t disrupted_pods_max = 2000;

bool pdb_can_be_ignored(const json& pod) {
  auto phase = string_at(pod, {"status", "phase"});
  return phase == "Succeeded" || phase == "Failed" || phase == "Pending" || being_deleted(pod);
}

// kube suggests a retry only while the budget is being processed; a budget
// allowing no disruption has none (retryAfterSeconds 0 is omitted).
api_failure too_many_requests_for(const std::string& cause, int retry_after_seconds) {
  json details{{"causes", json::array({json{{"reason", "DisruptionBudget"}, {"message", cause}}})}};
  if (retry_after_seconds > 0) details["retryAfterSeconds"] = retry_after_seconds;
  return {status_body(429, "TooManyRequests",
                      "Cannot evict pod as it would violate the pod's disruption budget.",
                      details)};
}

class eviction_operation final : public api_operation {
 public:
  eviction_operation(api_request request, const resource_info& resource)
      : request_(std::move(request)), target_(target_of(request_, resource)) {}

  operation_step start(operation_context&) override {
    auto parsed = parse_body(request_.content_type, request_.body);
    if (auto* failure = failure_of(parsed)) return fail(*failure);
    auto eviction = std::get<json>(std::move(parsed));
    auto name = object_name(eviction);
    if (!name.empty() && name != target_.name)
      return fail({bad_request("name in URL does not match name in Eviction object")});
    if (const auto* options = member(eviction, "deleteOptions"); options && options->is_object())
      delete_body_ = options->dump();
    // kube's propagateDryRun: the request's dryRun and the deleteOptions'
    // both make the whole eviction a dry run (no budget write, no delete).
    for (const auto& [name, value] : request_.query)
      if (name == "dryRun") dry_run_query_.emplace_back(name, value);
    auto options = parse_delete_options(dry_run_query_, delete_body_);
    if (auto* failure = failure_of(options)) return fail(*failure);
    dry_run_ = std::get<delete_options>(options).dry_run;
    return read_keys{{target_.key}, false};
  }

  operation_step on_keys(const std::vector<std::optional<key_value>>& values, bool from_cache,
                         operation_context& context) override {
    if (deleting_) return follow(deleting_->on_keys(values, from_cache, context));
    if (!values.at(0)) return fail({not_found(name_of(*target_.served, target_.name))});
    auto pod = object_of(*values[0]);
    if (auto* failure = failure_of(pod)) return fail(*failure);
    pod_ = std::get<json>(std::move(pod));
    if (pdb_can_be_ignored(pod_)) return delete_pod(context);
    return read_budgets();
  }

  operation_step on_range(const range_response& response, operation_context& context) override {
    std::vector<key_value> matching;
    auto labels = object_labels(pod_);
    for (const auto& stored : response.kvs) {
      auto budget = object_of(stored);
      if (auto* failure = failure_of(budget)) return fail(*failure);
      const auto* selector = value_at(std::get<json>(budget), {"spec", "selector"});
      if (!selector) continue;
      auto parsed = label_selector::from_json(*selector);
      auto* valid = std::get_if<label_selector>(&parsed);
      if (valid && valid->matches(labels)) matching.push_back(stored);
    }
    if (matching.empty()) return delete_pod(context);
    if (matching.size() > 1)
      // kube answers a bare Status (no reason, no "Internal error" prefix).
      return fail({json{{"kind", "Status"},
                        {"apiVersion", "v1"},
                        {"metadata", json::object()},
                        {"status", "Failure"},
                        {"message",
                         "This pod has more than one PodDisruptionBudget, which the eviction "
                         "subresource does not support."},
                        {"code", 500}}});
    return take_disruption(matching.front(), context);
  }

  operation_step on_write(const txn_response& response, operation_context& context) override {
    if (deleting_) return follow(deleting_->on_write(response, context));
    if (response.succeeded) return delete_pod(context);
    if (++attempts_ >= update_attempts_max)
      return fail({conflict(resource_name{"policy", "poddisruptionbudgets", "", ""})});
    return read_budgets();
  }

 private:
  operation_step read_budgets() const {
    const auto* budgets = find_resource("policy", "v1", "poddisruptionbudgets");
    auto prefix = collection_prefix(*budgets, target_.namespace_name);
    return read_range{range_request{prefix, prefix_range_end(prefix), 0, 0, false}};
  }

  operation_step take_disruption(const key_value& stored, operation_context& context) {
    auto parsed = object_of(stored);
    if (auto* failure = failure_of(parsed)) return fail(*failure);
    auto budget = std::get<json>(std::move(parsed));
    auto name = object_name(budget);
    auto generation = integer_member(budget["metadata"], "generation").value_or(0);
    const auto* status = member(budget, "status");
    auto observed = status ? integer_member(*status, "observedGeneration").value_or(0) : 0;
    if (!status || observed < generation)
      return fail(too_many_requests_for(
          "The disruption budget " + name + " is still being processed by the server.", 10));
    auto allowed = integer_member(*status, "disruptionsAllowed").value_or(0);
    if (allowed < 0)
      return fail({forbidden(resource_name{"policy", "poddisruptionbudget", "", name},
                             "pdb disruptions allowed is negative")});
    const auto* disrupted = member(*status, "disruptedPods");
    if (disrupted && disrupted->is_object() && disrupted->size() > disrupted_pods_max)
      return fail({forbidden(resource_name{"policy", "poddisruptionbudget", "", name},
                             "DisruptedPods map too big - too many evictions not confirmed by PDB "
                             "controller")});
    if (allowed == 0)
      return fail(too_many_requests_for(
          "The disruption budget " + name + " needs " +
              std::to_string(integer_member(*status, "desiredHealthy").value_or(0)) +
              " healthy pods and has " +
              std::to_string(integer_member(*status, "currentHealthy").value_or(0)) + " currently",
          0));
    budget["status"]["disruptionsAllowed"] = allowed - 1;
    budget["status"]["disruptedPods"][target_.name] = format_timestamp(context.now);
    if (dry_run_) return delete_pod(context);
    metadata_of(budget).erase("resourceVersion");
    txn_request txn;
    txn.compares.push_back({stored.key, txn_compare::target::mod_revision, txn_compare::op::equal,
                            stored.mod_revision});
    txn.success.push_back({txn_operation::kind::put, stored.key, "", encode_object(budget)});
    return write{std::move(txn)};
  }

  operation_step delete_pod(operation_context& context) {
    api_request request = request_;
    request.verb = "delete";
    request.subresource.clear();
    request.query = dry_run_query_;
    request.body = delete_body_;
    deleting_ = make_delete_operation(request, *target_.served);
    return follow(deleting_->start(context));
  }

  operation_step follow(operation_step step) const {
    auto* done = std::get_if<answer>(&step);
    if (!done || done->response.code != 200) return step;
    return answer{json_response(201, json{{"kind", "Status"},
                                          {"apiVersion", "v1"},
                                          {"metadata", json::object()},
                                          {"status", "Success"},
                                          {"code", 201}})};
  }

  operation_step fail(const api_failure& failure) const {
    return answer{failure_response(failure)};
  }

  api_request request_;
  request_target target_;
  std::string delete_body_;
  query_parameters dry_run_query_;
  bool dry_run_ = false;
  json pod_;
  std::unique_ptr<api_operation> deleting_;
  int attempts_ = 0;
};

}  // namespace

std::unique_ptr<api_operation> make_eviction_operation(const api_request& request,
                                                       const resource_info& resource) {
  return std::make_unique<eviction_operation>(request, resource);
}

}  // namespace troupe::api
