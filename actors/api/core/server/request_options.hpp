// The options of a request, read from its query parameters (and, for
// deletes, its DeleteOptions body) as kube-apiserver reads them
// (metav1.ListOptions, CreateOptions, UpdateOptions, PatchOptions,
// DeleteOptions). Each parse returns the options or the Status of a 400
// BadRequest / 422 Invalid answer naming the offending parameter.
// Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/api/core/server/api_failure.hpp"
#include "messages/core/field_selector.hpp"
#include "messages/core/label_selector.hpp"

namespace troupe::api {

using query_parameters = std::vector<std::pair<std::string, std::string>>;

// The first value of `name`, if present.
std::optional<std::string> query_value(const query_parameters& query, std::string_view name);

enum class field_validation { ignore, warn, strict };

// create, update and patch.
struct write_options {
  bool dry_run = false;
  std::string field_manager;
  // Unset defaults to Warn, as on kube-apiserver (kubectl sends Strict).
  field_validation validation = field_validation::warn;
  // patch only: force=true (server-side apply).
  bool force = false;
};

api_result<write_options> parse_write_options(const query_parameters& query);

enum class resource_version_match { unset, not_older_than, exact };

// list and watch.
struct list_options {
  label_selector labels;
  field_selector fields;
  // The parameter as given ("" when absent); resource_version its value.
  std::string resource_version_text;
  std::int64_t resource_version = 0;
  resource_version_match match = resource_version_match::unset;
  std::int64_t limit = 0;  // 0: no limit
  std::string continue_token;
  bool watch = false;
  bool allow_watch_bookmarks = false;
  std::optional<std::int64_t> timeout_seconds;
  std::optional<bool> send_initial_events;
};

// `supported_fields`: the field selector labels the resource supports.
api_result<list_options> parse_list_options(const query_parameters& query,
                                            const std::vector<std::string>& supported_fields);

enum class propagation_policy { unset, orphan, background, foreground };

struct delete_options {
  std::optional<std::int64_t> grace_period_seconds;
  std::optional<std::string> precondition_uid;
  std::optional<std::string> precondition_resource_version;
  propagation_policy propagation = propagation_policy::unset;
  bool dry_run = false;
};

// Query parameters first, then the (optional) DeleteOptions body, whose
// members win, as kube merges them.
api_result<delete_options> parse_delete_options(const query_parameters& query,
                                                std::string_view body);

}  // namespace troupe::api
