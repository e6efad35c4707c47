// POST to a collection: decode, default, prepare (system fields), validate,
// check that the namespace exists and is not terminating (kube's
// NamespaceLifecycle admission), then create the key if it is absent.
// A generated name that collides is generated again (up to
// generate_name_attempts_max times, as kube's RetryGenerateName).
#include "actors/api/core/server/operations.hpp"

#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/body_decoding.hpp"
#include "actors/api/core/server/kind_strategy.hpp"
#include "actors/api/core/server/object_codec.hpp"
#include "actors/api/core/server/object_keys.hpp"
#include "actors/api/core/server/operation_support.hpp"
#include "actors/api/core/server/stored_object.hpp"
#include "actors/api/core/validation/api_validation.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

constexpr int generate_name_attempts_max = 8;

class create_operation final : public api_operation {
 public:
  create_operation(api_request request, const resource_info& resource)
      : request_(std::move(request)), target_(target_of(request_, resource)) {}

  void prepare(operation_context& context) override { refused_ = prepare_object(context); }

  operation_step start(operation_context&) override {
    if (refused_) return answer{failure_response(*refused_)};
    if (target_.served->namespaced) return read_keys{{namespace_key(target_.namespace_name)}, true};
    return create();
  }

  operation_step on_keys(const std::vector<std::optional<key_value>>& values, bool from_cache,
                         operation_context&) override {
    if (!values.at(0)) {
      if (from_cache) return read_keys{{namespace_key(target_.namespace_name)}, false};
      return namespace_missing();
    }
    auto ns = object_of(*values[0]);
    if (auto* failure = failure_of(ns)) return answer{failure_response(*failure)};
    const auto& namespace_object = std::get<json>(ns);
    return admit(being_deleted(namespace_object), string_at(namespace_object, {"status", "phase"}));
  }

  // The namespace as the cache describes it; absent there, read the store.
  operation_step on_cached(const std::vector<cached_pointer>& objects,
                           operation_context&) override {
    const auto& ns = objects.at(0);
    if (!ns) return read_keys{{namespace_key(target_.namespace_name)}, false};
    auto phase = ns->fields.find("status.phase");
    return admit(ns->deleting, phase == ns->fields.end() ? std::string() : phase->second);
  }

  operation_step on_write(const txn_response& response, operation_context& context) override {
    if (response.succeeded)
      return answer{json_text_response(
          201, served_text_with_version(stored_, object_, response.revision, *target_.served),
          warnings_)};
    bool exists = !response.reads.empty() && !response.reads[0].kvs.empty();
    if (!exists) return namespace_missing();
    if (!generated_prefix_.empty() && ++name_attempts_ < generate_name_attempts_max) {
      metadata_of(object_)["name"] = generate_name(generated_prefix_, context.random);
      return create();
    }
    if (!generated_prefix_.empty()) return generate_name_conflict();
    return answer{
        failure_response({already_exists(name_of(*target_.served, object_name(object_)))})};
  }

 private:
  // Decodes, defaults and validates the body, and encodes it for the store.
  std::optional<api_failure> prepare_object(operation_context& context) {
    auto options = parse_write_options(request_.query);
    if (auto* failure = failure_of(options)) return *failure;
    options_ = std::get<write_options>(options);
    auto decoded =
        decode_object(*target_.served, request_.content_type, request_.body, options_.validation);
    if (auto* failure = failure_of(decoded)) return *failure;
    auto& body = std::get<decoded_object>(decoded);
    warnings_ = std::move(body.warnings);
    if (auto failure = settle_namespace(body.object, target_)) return failure;
    auto& metadata = metadata_of(body.object);
    if (!string_member(metadata, "resourceVersion").empty())
      return api_failure{bad_request("resourceVersion should not be set on objects to be created")};
    if (string_member(metadata, "name").empty() &&
        !string_member(metadata, "generateName").empty()) {
      generated_prefix_ = string_member(metadata, "generateName");
      metadata["name"] = generate_name(generated_prefix_, context.random);
    }
    object_ = defaulted_for_storage(std::move(body.object), *target_.served);
    prepare_for_create(object_, *target_.stored, context.now, context.random);
    auto causes = validate_create(object_, target_.stored->api_version(), target_.stored->kind);
    if (auto failure = invalid_failure(*target_.served, object_name(object_), causes))
      return failure;
    target_.name = object_name(object_);
    if (!options_.dry_run) creation_ = creation();
    return std::nullopt;
  }

  operation_step create() {
    if (options_.dry_run) return answer{json_response(201, to_served(object_, *target_.served))};
    if (!creation_) creation_ = creation();
    write next = std::move(*creation_);
    creation_.reset();
    return next;
  }

  // The txn that creates object_ and its cached form (both made by prepare,
  // off the api's thread, unless a generated name is retried).
  write creation() {
    auto key = object_key(*target_.stored, target_.namespace_name, object_name(object_));
    txn_request txn;
    txn.compares.push_back({key, txn_compare::target::version, txn_compare::op::equal, 0});
    if (target_.served->namespaced)
      txn.compares.push_back({namespace_key(target_.namespace_name), txn_compare::target::version,
                              txn_compare::op::greater, 0});
    stored_ = make_stored_object(object_);
    txn.success.push_back({txn_operation::kind::put, key, "", encode_stored_object(stored_)});
    txn.failure.push_back({txn_operation::kind::range, key, "", ""});
    return write{std::move(txn), describe_written_object(key, *target_.stored, stored_, object_)};
  }

  // kube's CheckGeneratedNameError: every generated name was taken
  // (errors.NewGenerateNameConflict, retry after 1 s).
  operation_step generate_name_conflict() const {
    auto status = already_exists(name_of(*target_.served, object_name(object_)));
    status["message"] = status["message"].get<std::string>() +
                        ", the server was not able to generate a unique name for the object";
    status["details"]["retryAfterSeconds"] = 1;
    return answer{failure_response({status})};
  }

  // kube's NamespaceLifecycle: no new objects in a namespace being deleted.
  operation_step admit(bool namespace_deleting, const std::string& namespace_phase) {
    if (namespace_deleting || namespace_phase == "Terminating")
      return answer{failure_response(
          {forbidden(name_of(*target_.served, object_name(object_)),
                     "unable to create new content in namespace " + target_.namespace_name +
                         " because it is being terminated")})};
    return create();
  }

  operation_step namespace_missing() const {
    resource_name ns{"", "namespaces", "Namespace", target_.namespace_name};
    return answer{failure_response({not_found(ns)})};
  }

  api_request request_;
  request_target target_;
  write_options options_;
  json object_;
  stored_object stored_;  // object_ as written, to answer without serializing again
  std::optional<write> creation_;
  std::optional<api_failure> refused_;
  std::vector<std::string> warnings_;
  std::string generated_prefix_;
  int name_attempts_ = 0;
};

}  // namespace

std::unique_ptr<api_operation> make_create_operation(const api_request& request,
                                                     const resource_info& resource) {
  return std::make_unique<create_operation>(request, resource);
}

}  // namespace troupe::api
