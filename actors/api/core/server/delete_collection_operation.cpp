// DELETE of a collection: the objects of the namespace (or of every
// namespace) that match the label and field selectors are deleted one after
// the other, each exactly as a DELETE of it would be (kube's
// DeleteCollection, without its worker pool); the answer lists the objects
// as they were listed, at the list's revision, as kube's does (a Status
// from a delete says nothing of the object). Objects gone meanwhile are
// skipped; any other failure ends the request with that failure.
#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/object_fields.hpp"
#include "actors/api/core/server/object_keys.hpp"
#include "actors/api/core/server/operation_support.hpp"
#include "actors/api/core/server/operations.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

class delete_collection_operation final : public api_operation {
 public:
  delete_collection_operation(api_request request, const resource_info& resource)
      : request_(std::move(request)), target_(target_of(request_, resource)) {}

  operation_step start(operation_context&) override {
    auto options = parse_list_options(request_.query, selectable_fields(*target_.stored));
    if (auto* failure = failure_of(options)) return answer{failure_response(*failure)};
    options_ = std::get<list_options>(options);
    auto prefix = collection_prefix(*target_.stored, target_.namespace_name);
    return read_range{range_request{prefix, prefix_range_end(prefix), 0, 0, false}};
  }

  operation_step on_range(const range_response& response, operation_context& context) override {
    revision_ = response.revision;
    for (const auto& stored : response.kvs) {
      auto object = served_object(stored, *target_.served);
      if (auto* failure = failure_of(object)) return answer{failure_response(*failure)};
      const auto& value = std::get<json>(object);
      if (!options_.labels.matches(object_labels(value))) continue;
      if (!options_.fields.matches(field_values(value, *target_.stored))) continue;
      pending_.push_back(value);
    }
    return next(context);
  }

  operation_step on_keys(const std::vector<std::optional<key_value>>& values, bool from_cache,
                         operation_context& context) override {
    return follow(current_->on_keys(values, from_cache, context), context);
  }

  operation_step on_write(const txn_response& response, operation_context& context) override {
    return follow(current_->on_write(response, context), context);
  }

 private:
  // Starts the deletes in turn until one needs the store (a loop, not
  // recursion: a long run of deletes answered at once stays flat).
  operation_step next(operation_context& context) {
    while (position_ < pending_.size()) {
      auto request = request_;
      request.verb = "delete";
      request.namespace_name = object_namespace(pending_[position_]);
      request.name = object_name(pending_[position_]);
      ++position_;
      current_ = make_delete_operation(request, *target_.served);
      auto step = current_->start(context);
      auto* done = std::get_if<answer>(&step);
      if (!done) return step;
      if (!absorb(done->response)) return step;
    }
    json list{{"kind", target_.served->kind + "List"},
              {"apiVersion", target_.served->api_version()},
              {"metadata", {{"resourceVersion", std::to_string(revision_)}}},
              {"items", std::move(deleted_)}};
    return answer{json_response(200, list)};
  }

  operation_step follow(operation_step step, operation_context& context) {
    auto* done = std::get_if<answer>(&step);
    if (!done) return step;
    if (!absorb(done->response)) return step;
    return next(context);
  }

  // Records one delete's answer (of the object last started); false when it
  // is a failure that ends the whole request.
  bool absorb(const api_response& response) {
    if (response.code == 404) return true;
    if (response.code != 200) return false;
    deleted_.push_back(std::move(pending_[position_ - 1]));
    return true;
  }

  api_request request_;
  request_target target_;
  list_options options_;
  std::int64_t revision_ = 0;
  // The matching objects as listed, deleted in key order.
  std::vector<json> pending_;
  std::size_t position_ = 0;
  json deleted_ = json::array();
  std::unique_ptr<api_operation> current_;
};

}  // namespace

std::unique_ptr<api_operation> make_delete_collection_operation(const api_request& request,
                                                                const resource_info& resource) {
  return std::make_unique<delete_collection_operation>(request, resource);
}

}  // namespace troupe::api
