#include "actors/api/core/server/api_operation.hpp"

#include <algorithm>
#include <cassert>

#include "actors/api/core/api_status.hpp"
#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/operations.hpp"
#include "actors/api/core/server/stored_object.hpp"

namespace troupe::api {

namespace {

// Answers what no operation serves: a verb or subresource the resource
// does not have.
class refusal final : public api_operation {
 public:
  explicit refusal(api_response response) : response_(std::move(response)) {}
  operation_step start(operation_context&) override { return answer{response_}; }

 private:
  api_response response_;
};

bool has_subresource(const resource_info& resource, const std::string& name, std::string& verbs) {
  for (const auto& sub : resource.subresources)
    if (sub.name == name) {
      for (const auto& verb : sub.verbs) verbs += verb + ",";
      return true;
    }
  return false;
}

std::unique_ptr<api_operation> refuse(const api_request& request, const resource_info& resource) {
  return std::make_unique<refusal>(
      failure_response({method_not_allowed(request.verb, name_of(resource, request.name))}));
}

std::unique_ptr<api_operation> subresource_operation(const api_request& request,
                                                     const resource_info& resource) {
  std::string verbs;
  if (!has_subresource(resource, request.subresource, verbs))
    return std::make_unique<refusal>(failure_response(
        {not_found(resource_name{resource.group, resource.plural + "/" + request.subresource,
                                 resource.kind, request.name})}));
  const auto& sub = request.subresource;
  const auto& verb = request.verb;
  if (sub == "binding" && verb == "create") return make_binding_operation(request, resource);
  if (sub == "eviction" && verb == "create") return make_eviction_operation(request, resource);
  if (sub == "log" && verb == "get") return make_log_operation(request, resource);
  if (sub == "status" || sub == "scale") {
    if (verb == "get") return make_get_operation(request, resource);
    if (verb == "update" || verb == "patch") return make_update_operation(request, resource);
  }
  if (sub == "finalize" && verb == "update") return make_update_operation(request, resource);
  return refuse(request, resource);
}

}  // namespace

void api_operation::prepare(operation_context&) {}

operation_step api_operation::on_keys(const std::vector<std::optional<key_value>>&, bool,
                                      operation_context&) {
  assert(false && "this operation reads no keys");
  return answer{failure_response({internal_error("unexpected read result")})};
}

operation_step api_operation::on_range(const range_response&, operation_context&) {
  assert(false && "this operation reads no ranges");
  return answer{failure_response({internal_error("unexpected range result")})};
}

operation_step api_operation::on_write(const txn_response&, operation_context&) {
  assert(false && "this operation writes nothing");
  return answer{failure_response({internal_error("unexpected write result")})};
}

operation_step api_operation::on_cached(const std::vector<cached_pointer>& objects,
                                        operation_context& context) {
  std::vector<std::optional<key_value>> values;
  values.reserve(objects.size());
  for (const auto& object : objects) {
    if (!object) {
      values.emplace_back();
      continue;
    }
    values.push_back(
        key_value{object->key, encode_stored_object(object->stored), 0, object->revision, 1});
  }
  return on_keys(values, true, context);
}

operation_step api_operation::on_store_error(store_error error, const std::string& detail,
                                             operation_context&) {
  return answer{failure_response(store_failure(error, detail))};
}

std::unique_ptr<api_operation> make_operation(const api_request& request,
                                              const resource_info& resource) {
  if (!request.subresource.empty()) return subresource_operation(request, resource);
  const auto& verb = request.verb;
  if (std::find(resource.verbs.begin(), resource.verbs.end(), verb) == resource.verbs.end())
    return refuse(request, resource);
  if (verb == "get") return make_get_operation(request, resource);
  if (verb == "create") return make_create_operation(request, resource);
  if (verb == "update" || verb == "patch") return make_update_operation(request, resource);
  if (verb == "delete") return make_delete_operation(request, resource);
  if (verb == "deletecollection") return make_delete_collection_operation(request, resource);
  return refuse(request, resource);
}

}  // namespace troupe::api
