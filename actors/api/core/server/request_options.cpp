#include "actors/api/core/server/request_options.hpp"

#include <cctype>
#include <charconv>
#include <set>

#include "actors/api/core/api_status.hpp"
#include "actors/api/core/server/object_meta.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

// Go's strconv.ParseBool, which kube's query decoding uses.
std::optional<bool> parse_bool(std::string_view text) {
  for (auto yes : {"1", "t", "T", "TRUE", "true", "True"})
    if (text == yes) return true;
  for (auto no : {"0", "f", "F", "FALSE", "false", "False"})
    if (text == no) return false;
  return std::nullopt;
}

api_failure options_invalid(std::string_view kind, std::vector<field_error> causes) {
  return {invalid(resource_name{"meta.k8s.io", "", std::string(kind), ""}, causes)};
}

api_failure bad(std::string_view message) {
  return {bad_request(message)};
}

// kube's ValidateDryRun names the whole list, as Go prints a []string.
api_failure dry_run_unsupported(std::string_view kind, const std::vector<std::string>& values) {
  std::string printed = "[]string{";
  for (std::size_t i = 0; i < values.size(); ++i) printed += (i ? ", \"" : "\"") + values[i] + "\"";
  return options_invalid(kind, {{field_error::kind::not_supported, "dryRun", printed + "}",
                                 "supported values: \"All\""}});
}

std::variant<bool, api_failure> dry_run_of(const query_parameters& query, std::string_view kind) {
  std::vector<std::string> values;
  for (const auto& [name, value] : query)
    if (name == "dryRun") values.push_back(value);
  for (const auto& value : values)
    if (value != "All") return dry_run_unsupported(kind, values);
  return !values.empty();
}

std::variant<bool, api_failure> bool_parameter(const query_parameters& query,
                                               std::string_view name) {
  auto text = query_value(query, name);
  if (!text || text->empty()) return false;
  auto value = parse_bool(*text);
  if (!value)
    return bad("invalid value for " + std::string(name) + ": \"" + *text +
               "\": must be true or false");
  return *value;
}

std::optional<api_failure> read_selectors(const query_parameters& query,
                                          const std::vector<std::string>& supported_fields,
                                          list_options& options) {
  if (auto text = query_value(query, "labelSelector")) {
    auto parsed = label_selector::parse(*text);
    if (auto* error = std::get_if<label_selector_error>(&parsed)) return bad(error->message);
    options.labels = std::get<label_selector>(std::move(parsed));
  }
  if (auto text = query_value(query, "fieldSelector")) {
    auto parsed = field_selector::parse(*text);
    if (auto* error = std::get_if<field_selector_error>(&parsed)) return bad(error->message);
    options.fields = std::get<field_selector>(std::move(parsed));
    std::set<std::string> supported(supported_fields.begin(), supported_fields.end());
    if (auto error = check_supported_fields(options.fields, supported)) return bad(error->message);
  }
  return std::nullopt;
}

std::optional<api_failure> read_paging(const query_parameters& query, list_options& options) {
  if (auto text = query_value(query, "resourceVersion"); text && !text->empty()) {
    auto value = parse_integer(*text);
    if (!value || *value < 0)
      return bad("invalid resource version \"" + *text + "\": must be a non-negative integer");
    options.resource_version_text = *text;
    options.resource_version = *value;
  }
  if (auto text = query_value(query, "limit"); text && !text->empty()) {
    auto value = parse_integer(*text);
    if (!value) return bad("invalid value for limit: \"" + *text + "\": must be an integer");
    options.limit = *value < 0 ? 0 : *value;
  }
  if (auto text = query_value(query, "continue")) options.continue_token = *text;
  if (auto text = query_value(query, "timeoutSeconds"); text && !text->empty()) {
    auto value = parse_integer(*text);
    if (!value)
      return bad("invalid value for timeoutSeconds: \"" + *text + "\": must be an integer");
    options.timeout_seconds = *value;
  }
  return std::nullopt;
}

std::optional<api_failure> read_watch_flags(const query_parameters& query, list_options& options) {
  // kube's reading of `watch`: only "0" and "false" (any case) are false.
  if (auto text = query_value(query, "watch")) {
    auto lowered = *text;
    for (auto& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    options.watch = lowered != "0" && lowered != "false";
  }
  auto bookmarks = bool_parameter(query, "allowWatchBookmarks");
  if (auto* error = std::get_if<api_failure>(&bookmarks)) return *error;
  options.allow_watch_bookmarks = std::get<bool>(bookmarks);
  if (auto text = query_value(query, "sendInitialEvents"); text && !text->empty()) {
    auto value = parse_bool(*text);
    if (!value)
      return bad("invalid value for sendInitialEvents: \"" + *text + "\": must be true or false");
    options.send_initial_events = *value;
  }
  return std::nullopt;
}

// validateWatchOptions: a watch has its own rules (a streaming list,
// sendInitialEvents with NotOlderThan, needs no resourceVersion).
std::vector<field_error> watch_option_errors(const std::string& match,
                                             const list_options& options) {
  std::vector<field_error> causes;
  if (options.send_initial_events && options.match != resource_version_match::not_older_than)
    causes.push_back({field_error::kind::forbidden, "resourceVersionMatch", "",
                      "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"});
  if (match.empty()) return causes;
  if (!options.send_initial_events)
    causes.push_back(
        {field_error::kind::forbidden, "resourceVersionMatch", "",
         "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided"});
  if (options.match != resource_version_match::not_older_than)
    causes.push_back({field_error::kind::not_supported, "resourceVersionMatch", "\"" + match + "\"",
                      "supported values: \"NotOlderThan\""});
  if (!options.continue_token.empty())
    causes.push_back({field_error::kind::forbidden, "resourceVersionMatch", "",
                      "resourceVersionMatch is forbidden when continue is provided"});
  return causes;
}

// metav1 validation.ValidateListOptions (internalversion), in its order.
std::vector<field_error> list_option_errors(const query_parameters& query, list_options& options) {
  std::vector<field_error> causes;
  auto match = query_value(query, "resourceVersionMatch").value_or("");
  if (match == "NotOlderThan") options.match = resource_version_match::not_older_than;
  if (match == "Exact") options.match = resource_version_match::exact;
  if (options.watch) return watch_option_errors(match, options);
  if (!match.empty()) {
    if (options.resource_version_text.empty())
      causes.push_back({field_error::kind::forbidden, "resourceVersionMatch", "",
                        "resourceVersionMatch is forbidden unless resourceVersion is provided"});
    if (!options.continue_token.empty())
      causes.push_back({field_error::kind::forbidden, "resourceVersionMatch", "",
                        "resourceVersionMatch is forbidden when continue is provided"});
    if (options.match == resource_version_match::unset)
      causes.push_back({field_error::kind::not_supported, "resourceVersionMatch",
                        "\"" + match + "\"",
                        "supported values: \"Exact\", \"NotOlderThan\", \"\""});
    if (options.match == resource_version_match::exact && options.resource_version_text == "0")
      causes.push_back({field_error::kind::forbidden, "resourceVersionMatch", "",
                        "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""});
  }
  if (options.send_initial_events)
    causes.push_back({field_error::kind::forbidden, "sendInitialEvents", "",
                      "sendInitialEvents is forbidden for list"});
  return causes;
}

std::optional<api_failure> read_propagation(const std::string& text, delete_options& options) {
  if (text == "Orphan") {
    options.propagation = propagation_policy::orphan;
  } else if (text == "Background") {
    options.propagation = propagation_policy::background;
  } else if (text == "Foreground") {
    options.propagation = propagation_policy::foreground;
  } else {
    return options_invalid(
        "DeleteOptions",
        {{field_error::kind::not_supported, "propagationPolicy", "\"" + text + "\"",
          "supported values: \"Foreground\", \"Background\", \"Orphan\", "
          "\"nil\""}});
  }
  return std::nullopt;
}

std::optional<api_failure> read_delete_body(std::string_view body, delete_options& options) {
  auto parsed = json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object())
    return bad("the body of a delete request must be a DeleteOptions object");
  if (auto* grace = member(parsed, "gracePeriodSeconds"); grace && !grace->is_null()) {
    if (!grace->is_number_integer())
      return bad("DeleteOptions.gracePeriodSeconds must be an integer");
    options.grace_period_seconds = grace->get<std::int64_t>();
  }
  if (const auto* preconditions = member(parsed, "preconditions");
      preconditions && preconditions->is_object()) {
    if (const auto* uid = member(*preconditions, "uid"); uid && uid->is_string())
      options.precondition_uid = uid->get<std::string>();
    if (const auto* rv = member(*preconditions, "resourceVersion"); rv && rv->is_string())
      options.precondition_resource_version = rv->get<std::string>();
  }
  const auto* policy = member(parsed, "propagationPolicy");
  const auto* orphan = member(parsed, "orphanDependents");
  if (policy && policy->is_string() && orphan && orphan->is_boolean())
    return options_invalid(
        "DeleteOptions",
        {{field_error::kind::invalid, "propagationPolicy", "\"" + policy->get<std::string>() + "\"",
          "orphanDependents and deletionPropagation cannot be both set"}});
  if (policy && policy->is_string())
    if (auto error = read_propagation(policy->get<std::string>(), options)) return error;
  if (orphan && orphan->is_boolean())
    options.propagation =
        orphan->get<bool>() ? propagation_policy::orphan : propagation_policy::background;
  if (const auto* dry_run = member(parsed, "dryRun"); dry_run && dry_run->is_array()) {
    std::vector<std::string> values;
    for (const auto& value : *dry_run)
      values.push_back(value.is_string() ? value.get<std::string>() : value.dump());
    for (const auto& value : values)
      if (value != "All") return dry_run_unsupported("DeleteOptions", values);
    options.dry_run = !values.empty();
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> query_value(const query_parameters& query, std::string_view name) {
  for (const auto& [key, value] : query)
    if (key == name) return value;
  return std::nullopt;
}

api_result<write_options> parse_write_options(const query_parameters& query) {
  write_options options;
  auto dry_run = dry_run_of(query, "CreateOptions");
  if (auto* error = std::get_if<api_failure>(&dry_run)) return *error;
  options.dry_run = std::get<bool>(dry_run);
  options.field_manager = query_value(query, "fieldManager").value_or("");
  if (options.field_manager.size() > 128)
    return options_invalid("CreateOptions", {{field_error::kind::too_long, "fieldManager", "",
                                              "may not be more than 128 bytes"}});
  auto validation = query_value(query, "fieldValidation").value_or("");
  if (validation == "Strict") {
    options.validation = field_validation::strict;
  } else if (validation == "Ignore") {
    options.validation = field_validation::ignore;
  } else if (validation == "Warn" || validation.empty()) {
    options.validation = field_validation::warn;
  } else {
    // kube's ValidateFieldValidation: 422 listing its sorted value set.
    return options_invalid(
        "CreateOptions",
        {{field_error::kind::not_supported, "fieldValidation", "\"" + validation + "\"",
          "supported values: \"\", \"Ignore\", \"Strict\", \"Warn\""}});
  }
  auto force = bool_parameter(query, "force");
  if (auto* error = std::get_if<api_failure>(&force)) return *error;
  options.force = std::get<bool>(force);
  return options;
}

api_result<list_options> parse_list_options(const query_parameters& query,
                                            const std::vector<std::string>& supported_fields) {
  list_options options;
  if (auto error = read_selectors(query, supported_fields, options)) return *error;
  if (auto error = read_paging(query, options)) return *error;
  if (auto error = read_watch_flags(query, options)) return *error;
  auto causes = list_option_errors(query, options);
  if (!causes.empty()) return options_invalid("ListOptions", causes);
  if (!options.continue_token.empty() && !options.resource_version_text.empty() &&
      options.resource_version_text != "0")
    return bad("specifying resource version is not allowed when using continue");
  return options;
}

api_result<delete_options> parse_delete_options(const query_parameters& query,
                                                std::string_view body) {
  delete_options options;
  if (auto text = query_value(query, "gracePeriodSeconds"); text && !text->empty()) {
    auto value = parse_integer(*text);
    if (!value)
      return bad("invalid value for gracePeriodSeconds: \"" + *text + "\": must be an integer");
    options.grace_period_seconds = *value;
  }
  if (auto text = query_value(query, "propagationPolicy"); text && !text->empty())
    if (auto error = read_propagation(*text, options)) return *error;
  auto orphan = bool_parameter(query, "orphanDependents");
  if (auto* error = std::get_if<api_failure>(&orphan)) return *error;
  if (query_value(query, "orphanDependents"))
    options.propagation =
        std::get<bool>(orphan) ? propagation_policy::orphan : propagation_policy::background;
  auto dry_run = dry_run_of(query, "DeleteOptions");
  if (auto* error = std::get_if<api_failure>(&dry_run)) return *error;
  options.dry_run = std::get<bool>(dry_run);
  if (body.find_first_not_of(" \t\r\n") != std::string_view::npos)
    if (auto error = read_delete_body(body, options)) return *error;
  return options;
}

}  // namespace troupe::api
