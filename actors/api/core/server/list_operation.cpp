// A list served from the store (kube delegates these to etcd): paginated
// lists (a limit, or a continue token) and exact-revision lists. Pages are
// read at one pinned revision; with selectors, further store pages are read
// until `limit` objects match or the collection ends, at most
// list_pages_max store reads per request (kube's etcd list loops the same
// way). The continue token names the key after the last one examined.
#include "actors/api/core/api_status.hpp"
#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/continue_token.hpp"
#include "actors/api/core/server/list_body.hpp"
#include "actors/api/core/server/object_fields.hpp"
#include "actors/api/core/server/object_keys.hpp"
#include "actors/api/core/server/operation_support.hpp"
#include "actors/api/core/server/operations.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

// Store reads one paginated list request may make before answering with
// what matched so far (and a continue token).
constexpr int list_pages_max = 16;
// A list without a limit still reads the store in pages of this size.
constexpr std::int64_t unlimited_page_size = 10'000;

const char* const continue_expired_message =
    "The provided continue parameter is too old to display a consistent list result. You can "
    "start a new list without the continue parameter, or use the continue token in this response "
    "to retrieve the remainder of the results. Continuing with the provided token results in an "
    "inconsistent list - objects that were created, modified, or deleted between the time the "
    "first chunk was returned and now may show up in the list.";

class list_operation final : public api_operation {
 public:
  list_operation(api_request request, const resource_info& resource, list_options options)
      : request_(std::move(request)),
        target_(target_of(request_, resource)),
        options_(std::move(options)),
        prefix_(collection_prefix(*target_.stored, target_.namespace_name)) {}

  operation_step start(operation_context&) override {
    std::string start = prefix_;
    if (!options_.continue_token.empty()) {
      auto decoded = decode_continue_token(options_.continue_token);
      // kube's ValidateListOptions prefixes the token's own error.
      if (auto* error = std::get_if<std::string>(&decoded))
        return answer{failure_response({bad_request("invalid continue token: " + *error)})};
      const auto& position = std::get<continue_position>(decoded);
      revision_ = position.revision;
      start = prefix_ + position.start;
      continuing_ = true;
    } else if (options_.match == resource_version_match::exact) {
      revision_ = options_.resource_version;
    }
    return page(start);
  }

  operation_step on_range(const range_response& response, operation_context&) override {
    if (revision_ == 0) revision_ = response.revision;
    for (const auto& stored : response.kvs) {
      last_key_ = stored.key;
      auto object = served_object(stored, *target_.served);
      if (auto* failure = failure_of(object)) return answer{failure_response(*failure)};
      const auto& value = std::get<json>(object);
      if (!matches(value)) continue;
      items_.push_back(value.dump());
    }
    bool full = options_.limit > 0 && static_cast<std::int64_t>(items_.size()) >= options_.limit;
    if (response.more && !full && ++pages_ < list_pages_max) return page(last_key_ + '\0');
    list_meta meta{revision_, {}, -1};
    if (response.more)
      meta.continue_token =
          encode_continue_token({revision_, last_key_.substr(prefix_.size()) + '\0'});
    return answer{json_text_response(200, list_body(*target_.served, items_, meta))};
  }

  // A continue token below the compaction point is 410 with kube's wording.
  operation_step on_store_error(store_error error, const std::string& detail,
                                operation_context& context) override {
    if (error == store_error::compacted && continuing_)
      return answer{failure_response({status_body(410, "Expired", continue_expired_message)})};
    return api_operation::on_store_error(error, detail, context);
  }

 private:
  operation_step page(const std::string& start) const {
    auto limit = options_.limit > 0 ? options_.limit : unlimited_page_size;
    return read_range{range_request{start, prefix_range_end(prefix_), revision_, limit, false}};
  }

  bool matches(const json& object) const {
    if (!options_.labels.empty() && !options_.labels.matches(object_labels(object))) return false;
    return options_.fields.empty() ||
           options_.fields.matches(field_values(object, *target_.stored));
  }

  api_request request_;
  request_target target_;
  list_options options_;
  std::string prefix_;
  std::int64_t revision_ = 0;
  bool continuing_ = false;
  int pages_ = 0;
  std::string last_key_;
  std::vector<std::string> items_;
};

}  // namespace

std::unique_ptr<api_operation> make_store_list_operation(const api_request& request,
                                                         const resource_info& resource,
                                                         list_options options) {
  return std::make_unique<list_operation>(request, resource, std::move(options));
}

}  // namespace troupe::api
