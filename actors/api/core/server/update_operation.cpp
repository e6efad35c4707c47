// PUT and PATCH of an object, its status subresource or its scale: kube's
// GuaranteedUpdate. Read the current object (the watch cache may answer),
// compute the new state from it (the PUT body, or the patch applied to the
// current object), check preconditions, default, apply the kind's update
// strategy, validate, and write it only if the key still holds what was
// read (compare on mod_revision). A lost race re-reads the key from the
// transaction's failure branch and starts over, at most update_attempts_max
// times. A result equal to the stored object is not written (its
// resourceVersion stays), as kube skips no-op updates; an update that
// leaves a deleting object without finalizers deletes it.
#include "actors/api/core/api_status.hpp"
#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/body_decoding.hpp"
#include "actors/api/core/server/kind_strategy.hpp"
#include "actors/api/core/server/object_codec.hpp"
#include "actors/api/core/server/operation_support.hpp"
#include "actors/api/core/server/operations.hpp"
#include "actors/api/core/server/patch_request.hpp"
#include "actors/api/core/server/scale_subresource.hpp"
#include "actors/api/core/server/stored_object.hpp"
#include "actors/api/core/validation/api_validation.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

enum class update_target { object, status, scale, finalize };

class update_operation final : public api_operation {
 public:
  update_operation(api_request request, const resource_info& resource)
      : request_(std::move(request)), target_(target_of(request_, resource)) {
    if (request_.subresource == "status") part_ = update_target::status;
    if (request_.subresource == "scale") part_ = update_target::scale;
    if (request_.subresource == "finalize") part_ = update_target::finalize;
  }

  // A PUT's body is decoded beforehand; a patch needs the stored object.

  void prepare(operation_context&) override {
    auto options = parse_write_options(request_.query);
    if (auto* failure = failure_of(options)) {
      refused_ = *failure;
      return;
    }
    options_ = std::get<write_options>(options);
    if (request_.verb == "update") refused_ = decode_put_body();
  }

  operation_step start(operation_context&) override {
    if (refused_) return answer{failure_response(*refused_)};
    return read_keys{{target_.key}, true};
  }

  operation_step on_keys(const std::vector<std::optional<key_value>>& values, bool from_cache,
                         operation_context&) override {
    if (!values.at(0)) {
      if (from_cache) return read_keys{{target_.key}, false};
      return not_found_answer();
    }
    return attempt(*values[0], from_cache);
  }

  operation_step on_write(const txn_response& response, operation_context&) override {
    if (response.succeeded) {
      if (deleting_) return answer{json_response(200, to_served(result_, *target_.served))};
      if (part_ != update_target::scale)
        return answer{json_text_response(
            200, served_text_with_version(written_, result_, response.revision, *target_.served),
            warnings_)};
      return answer{respond(served_with_version(result_, response.revision, *target_.served))};
    }
    if (response.reads.empty() || response.reads[0].kvs.empty()) return not_found_answer();
    if (++attempts_ >= update_attempts_max)
      return answer{failure_response({conflict(name_of(*target_.served, target_.name))})};
    return attempt(response.reads[0].kvs[0], false);
  }

 private:
  // PUT bodies are decoded once, before the first read.
  std::optional<api_failure> decode_put_body() {
    if (part_ == update_target::scale) {
      auto parsed = parse_body(request_.content_type, request_.body);
      if (auto* failure = failure_of(parsed)) return *failure;
      body_ = std::get<json>(std::move(parsed));
      return std::nullopt;
    }
    auto decoded =
        decode_object(*target_.served, request_.content_type, request_.body, options_.validation);
    if (auto* failure = failure_of(decoded)) return *failure;
    auto& body = std::get<decoded_object>(decoded);
    warnings_ = std::move(body.warnings);
    body_ = std::move(body.object);
    if (auto failure = check_name_matches(body_, target_)) return failure;
    return settle_namespace(body_, target_);
  }

  operation_step attempt(const key_value& stored, bool from_cache) {
    auto current_stored = object_of(stored);
    if (auto* failure = failure_of(current_stored)) return answer{failure_response(*failure)};
    auto& current = std::get<json>(current_stored);
    auto current_served = to_served(current, *target_.served);
    auto desired = desired_state(current_served);
    if (auto* failure = failure_of(desired)) return answer{failure_response(*failure)};
    auto& next = std::get<json>(desired);
    auto wanted_version = object_resource_version(next);
    if (!wanted_version.empty() && wanted_version != std::to_string(stored.mod_revision)) {
      if (from_cache) return read_keys{{target_.key}, false};
      return answer{failure_response({conflict(name_of(*target_.served, target_.name))})};
    }
    if (auto uid = object_uid(next); !uid.empty() && uid != object_uid(current))
      return answer{failure_response({conflict(name_of(*target_.served, target_.name))})};
    auto planned = plan(std::move(next), current);
    if (auto* failure = failure_of(planned)) return answer{failure_response(*failure)};
    result_ = std::get<json>(std::move(planned));
    metadata_of(current).erase("resourceVersion");
    if (result_ == current)
      return answer{respond(served_with_version(current, stored.mod_revision, *target_.served))};
    return write_step(stored);
  }

  // The new state in the served version, from the current served object.
  api_result<json> desired_state(const json& current_served) {
    if (request_.verb == "update") {
      if (part_ != update_target::scale) return body_;
      return apply_scale(current_served, body_, target_.name);
    }
    const bool scale = part_ == update_target::scale;
    json scale_object = scale ? scale_of(current_served) : json();
    const json& base = scale ? scale_object : current_served;
    auto patched = apply_patch_request(base, request_.content_type, request_.body,
                                       scale ? "autoscaling/v1" : target_.served->api_version(),
                                       scale ? "Scale" : target_.served->kind, scale);
    if (auto* failure = failure_of(patched)) return *failure;
    auto& result = std::get<json>(patched);
    if (scale) return apply_scale(current_served, result, target_.name);
    // kube's patcher settles the namespace before its checkName.
    if (auto failure = settle_namespace(result, target_)) return *failure;
    if (auto failure = check_name_matches(result, target_)) return *failure;
    auto checked = check_object_fields(*target_.served, result, options_.validation);
    if (auto* failure = failure_of(checked)) return *failure;
    auto warnings = std::get<std::vector<std::string>>(std::move(checked));
    warnings_ = std::move(warnings);
    return std::move(result);
  }

  // Defaults, strategy and validation: the object to store.
  api_result<json> plan(json desired, const json& current) {
    auto stored = defaulted_for_storage(std::move(desired), *target_.served);
    const auto& resource = *target_.stored;
    std::vector<field_error> causes;
    if (part_ == update_target::status)
      stored = prepare_for_status_update(stored, current);
    else if (part_ == update_target::finalize)
      stored = prepare_for_finalize(stored, current);
    else
      prepare_for_update(stored, current, resource);
    // Validation sees the version being replaced, as in kube's
    // GuaranteedUpdate; the stored value never carries one.
    auto& metadata = metadata_of(stored);
    metadata["resourceVersion"] = object_resource_version(current);
    if (part_ == update_target::status)
      causes = validate_status_update(stored, current, resource.api_version(), resource.kind);
    else
      causes = validate_update(stored, current, resource.api_version(), resource.kind);
    metadata.erase("resourceVersion");
    if (auto failure = invalid_failure(*target_.served, target_.name, causes)) return *failure;
    return stored;
  }

  operation_step write_step(const key_value& stored) {
    deleting_ = deletion_complete(result_, *target_.stored);
    if (options_.dry_run)
      return answer{respond(served_with_version(result_, stored.mod_revision, *target_.served))};
    txn_request txn;
    txn.compares.push_back({target_.key, txn_compare::target::mod_revision, txn_compare::op::equal,
                            stored.mod_revision});
    std::shared_ptr<cached_object> written;
    if (deleting_) {
      txn.success.push_back({txn_operation::kind::remove, target_.key, "", ""});
    } else {
      written_ = make_stored_object(result_);
      txn.success.push_back(
          {txn_operation::kind::put, target_.key, "", encode_stored_object(written_)});
      written = describe_written_object(target_.key, *target_.stored, written_, result_);
    }
    txn.failure.push_back({txn_operation::kind::range, target_.key, "", ""});
    return write{std::move(txn), std::move(written)};
  }

  api_response respond(const json& served) {
    if (part_ == update_target::scale) return json_response(200, scale_of(served), warnings_);
    return json_response(200, served, warnings_);
  }

  operation_step not_found_answer() const {
    return answer{failure_response({not_found(name_of(*target_.served, target_.name))})};
  }

  api_request request_;
  request_target target_;
  update_target part_ = update_target::object;
  write_options options_;
  json body_;
  json result_;
  stored_object written_;  // result_ as written
  std::vector<std::string> warnings_;
  std::optional<api_failure> refused_;
  int attempts_ = 0;
  bool deleting_ = false;
};

}  // namespace

std::unique_ptr<api_operation> make_update_operation(const api_request& request,
                                                     const resource_info& resource) {
  return std::make_unique<update_operation>(request, resource);
}

}  // namespace troupe::api
