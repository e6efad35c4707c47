// DELETE of one object, with kube's generic registry semantics (Store.Delete
// and rest.BeforeDelete): preconditions on uid and resourceVersion; the
// propagation policy adding the "orphan" or "foregroundDeletion" finalizer
// (Background removes both); pods deleted gracefully (deletionTimestamp
// now + grace, the grace from the request or the pod's
// terminationGracePeriodSeconds, 0 for unscheduled or finished pods) until
// their kubelet deletes them with grace 0; objects with finalizers marked
// deleting (deletionTimestamp now, grace 0) until the last finalizer goes;
// a namespace set Terminating until its spec.finalizers are done; anything
// else removed at once. A lost race re-reads and decides again, boundedly.
#include <algorithm>
#include <chrono>

#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/object_codec.hpp"
#include "actors/api/core/server/operation_support.hpp"
#include "actors/api/core/server/operations.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

bool is(const resource_info& resource, std::string_view group, std::string_view kind) {
  return resource.group == group && resource.kind == kind;
}

// Kinds whose registry answers a delete with the deleted object rather than
// a Status (kube's ReturnDeletedObject).
bool returns_deleted_object(const resource_info& resource) {
  return is(resource, "", "Pod") || is(resource, "", "ServiceAccount") ||
         is(resource, "", "Namespace");
}

// The finalizers after the propagation policy.
void apply_propagation(json& metadata, propagation_policy policy) {
  auto& finalizers = metadata["finalizers"];
  if (!finalizers.is_array()) finalizers = json::array();
  auto drop = [&](std::string_view name) {
    finalizers.erase(std::remove(finalizers.begin(), finalizers.end(), name), finalizers.end());
  };
  auto add = [&](std::string_view name) {
    if (std::find(finalizers.begin(), finalizers.end(), name) == finalizers.end())
      finalizers.push_back(name);
  };
  switch (policy) {
    case propagation_policy::orphan:
      drop("foregroundDeletion");
      add("orphan");
      break;
    case propagation_policy::foreground:
      drop("orphan");
      add("foregroundDeletion");
      break;
    case propagation_policy::background:
      drop("orphan");
      drop("foregroundDeletion");
      break;
    case propagation_policy::unset:
      break;
  }
  if (finalizers.empty()) metadata.erase("finalizers");
}

// kube's pod CheckGracefulDelete: the grace period a pod deletion gets.
std::int64_t pod_grace_seconds(const json& pod, const delete_options& options) {
  std::int64_t period = options.grace_period_seconds.value_or(
      integer_member(pod.value("spec", json::object()), "terminationGracePeriodSeconds")
          .value_or(0));
  if (string_at(pod, {"spec", "nodeName"}).empty()) period = 0;
  auto phase = string_at(pod, {"status", "phase"});
  if (phase == "Succeeded" || phase == "Failed") period = 0;
  return period < 0 ? 1 : period;
}

void bump_generation(json& metadata) {
  if (auto generation = integer_member(metadata, "generation"); generation && *generation > 0)
    metadata["generation"] = *generation + 1;
}

class delete_operation final : public api_operation {
 public:
  delete_operation(api_request request, const resource_info& resource)
      : request_(std::move(request)), target_(target_of(request_, resource)) {}

  operation_step start(operation_context&) override {
    auto options = parse_delete_options(request_.query, request_.body);
    if (auto* failure = failure_of(options)) return answer{failure_response(*failure)};
    options_ = std::get<delete_options>(options);
    if (target_.stored->kind == "Namespace" &&
        (target_.name == "default" || target_.name == "kube-system" ||
         target_.name == "kube-public"))
      return fail(
          {forbidden(name_of(*target_.served, target_.name), "this namespace may not be deleted")});
    return read_keys{{target_.key}, false};
  }

  operation_step on_keys(const std::vector<std::optional<key_value>>& values, bool,
                         operation_context& context) override {
    if (!values.at(0)) return fail({not_found(name_of(*target_.served, target_.name))});
    return decide(*values[0], context);
  }

  operation_step on_write(const txn_response& response, operation_context& context) override {
    if (response.succeeded) {
      if (removed_) return answer{deleted_answer()};
      return answer{
          json_response(200, served_with_version(object_, response.revision, *target_.served))};
    }
    if (response.reads.empty() || response.reads[0].kvs.empty())
      return fail({not_found(name_of(*target_.served, target_.name))});
    if (++attempts_ >= update_attempts_max)
      return fail({conflict(name_of(*target_.served, target_.name))});
    return decide(response.reads[0].kvs[0], context);
  }

 private:
  operation_step decide(const key_value& stored, operation_context& context) {
    auto current = object_of(stored);
    if (auto* failure = failure_of(current)) return answer{failure_response(*failure)};
    object_ = std::get<json>(std::move(current));
    if (auto failure = check_preconditions(stored)) return fail(*failure);
    auto& metadata = metadata_of(object_);
    metadata.erase("resourceVersion");
    if (being_deleted(object_)) return already_deleting(stored, context);
    apply_propagation(metadata, options_.propagation);
    const auto* finalizers = member(metadata, "finalizers");
    bool pending_finalizers = finalizers && finalizers->is_array() && !finalizers->empty();
    std::int64_t grace = 0;
    if (is(*target_.stored, "", "Pod")) grace = pod_grace_seconds(object_, options_);
    if (is(*target_.stored, "", "Namespace")) return terminate_namespace(stored, context);
    if (grace > 0 || pending_finalizers) {
      metadata["deletionTimestamp"] = format_timestamp(context.now + std::chrono::seconds(grace));
      metadata["deletionGracePeriodSeconds"] = grace;
      bump_generation(metadata);
      return put(stored);
    }
    return remove(stored);
  }

  std::optional<api_failure> check_preconditions(const key_value& stored) const {
    // kube's rest.BeforeDelete names the object by its kind here, not its
    // resource: "Operation cannot be fulfilled on ConfigMap \"x\": ...".
    const resource_name by_kind{target_.served->group, target_.served->kind, target_.served->kind,
                                target_.name};
    auto uid = object_uid(object_);
    if (options_.precondition_uid && *options_.precondition_uid != uid)
      return api_failure{
          conflict(by_kind, "the UID in the precondition (" + *options_.precondition_uid +
                                ") does not match the UID in record (" + uid +
                                "). The object might have been deleted and then recreated")};
    auto version = std::to_string(stored.mod_revision);
    if (options_.precondition_resource_version &&
        *options_.precondition_resource_version != version)
      return api_failure{conflict(by_kind, "the ResourceVersion in the precondition (" +
                                               *options_.precondition_resource_version +
                                               ") does not match the ResourceVersion in record (" +
                                               version + "). The object might have been modified")};
    return std::nullopt;
  }

  // A second delete of an object being deleted: a pod may only shorten its
  // grace period (0 deletes it now); otherwise nothing changes.
  operation_step already_deleting(const key_value& stored, operation_context& context) {
    auto& metadata = metadata_of(object_);
    auto current_grace = integer_member(metadata, "deletionGracePeriodSeconds").value_or(0);
    if (is(*target_.stored, "", "Pod") && options_.grace_period_seconds) {
      auto grace = std::max<std::int64_t>(*options_.grace_period_seconds, 0);
      if (grace == 0 && !member(metadata, "finalizers")) return remove(stored);
      if (grace < current_grace) {
        metadata["deletionTimestamp"] = format_timestamp(context.now + std::chrono::seconds(grace));
        metadata["deletionGracePeriodSeconds"] = grace;
        return put(stored);
      }
    }
    if (target_.stored->kind == "Namespace")
      return fail({conflict(name_of(*target_.served, target_.name),
                            "The system is ensuring all content is removed from this namespace.  "
                            "Upon completion, this namespace will automatically be purged by the "
                            "system.")});
    metadata["resourceVersion"] = std::to_string(stored.mod_revision);
    return answer{returns_deleted_object(*target_.served)
                      ? json_response(200, to_served(object_, *target_.served))
                      : json_response(200, success_status())};
  }

  operation_step terminate_namespace(const key_value& stored, operation_context& context) {
    const auto* finalizers = value_at(object_, {"spec", "finalizers"});
    const auto* meta_finalizers = member(object_["metadata"], "finalizers");
    bool pending = (finalizers && finalizers->is_array() && !finalizers->empty()) ||
                   (meta_finalizers && meta_finalizers->is_array() && !meta_finalizers->empty());
    if (!pending) return remove(stored);
    auto& metadata = metadata_of(object_);
    metadata["deletionTimestamp"] = format_timestamp(context.now);
    metadata["deletionGracePeriodSeconds"] = 0;
    object_["status"]["phase"] = "Terminating";
    return put(stored);
  }

  operation_step put(const key_value& stored) {
    if (options_.dry_run)
      return answer{
          json_response(200, served_with_version(object_, stored.mod_revision, *target_.served))};
    return write{
        txn_for(stored, {txn_operation::kind::put, target_.key, "", encode_object(object_)})};
  }

  operation_step remove(const key_value& stored) {
    removed_ = true;
    metadata_of(object_)["resourceVersion"] = std::to_string(stored.mod_revision);
    if (options_.dry_run) return answer{deleted_answer()};
    return write{txn_for(stored, {txn_operation::kind::remove, target_.key, "", ""})};
  }

  txn_request txn_for(const key_value& stored, txn_operation operation) const {
    txn_request txn;
    txn.compares.push_back({target_.key, txn_compare::target::mod_revision, txn_compare::op::equal,
                            stored.mod_revision});
    txn.success.push_back(std::move(operation));
    txn.failure.push_back({txn_operation::kind::range, target_.key, "", ""});
    return txn;
  }

  json success_status() const {
    json details{
        {"name", target_.name}, {"kind", target_.served->plural}, {"uid", object_uid(object_)}};
    if (!target_.served->group.empty()) details["group"] = target_.served->group;
    return json{{"kind", "Status"},
                {"apiVersion", "v1"},
                {"metadata", json::object()},
                {"status", "Success"},
                {"details", details}};
  }

  api_response deleted_answer() const {
    if (returns_deleted_object(*target_.served))
      return json_response(200, to_served(object_, *target_.served));
    return json_response(200, success_status());
  }

  operation_step fail(const api_failure& failure) const {
    return answer{failure_response(failure)};
  }

  api_request request_;
  request_target target_;
  delete_options options_;
  json object_;
  int attempts_ = 0;
  bool removed_ = false;
};

}  // namespace

std::unique_ptr<api_operation> make_delete_operation(const api_request& request,
                                                     const resource_info& resource) {
  return std::make_unique<delete_operation>(request, resource);
}

}  // namespace troupe::api
