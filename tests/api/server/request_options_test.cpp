// Request options read from query parameters and DeleteOptions bodies
// (request_options.hpp) as kube-apiserver 1.32 reads and validates them
// (metav1 ValidateCreateOptions, internalversion ValidateListOptions and
// its watch rules, ValidateDeleteOptions): each accepted form gives the
// options, each refused one the exact Status kube answers (400 or 422 with
// causes). Pure functions.
#include <catch2/catch.hpp>

#include "actors/api/core/server/request_options.hpp"
#include "test_objects.hpp"

using namespace troupe;
using namespace troupe::api;
using nlohmann::json;
using troupe::api::testing::failure_status;

namespace {

const std::vector<std::string> pod_fields{"metadata.name", "metadata.namespace", "spec.nodeName",
                                          "status.phase"};

json failure_status(const auto& result) {
  const auto* failure = failure_of(result);
  REQUIRE(failure);
  return failure->status;
}

json list_failure(const query_parameters& query) {
  return failure_status(parse_list_options(query, pod_fields));
}

list_options list_of(const query_parameters& query) {
  auto result = parse_list_options(query, pod_fields);
  if (const auto* failure = failure_of(result)) FAIL(failure->status.dump());
  return std::get<list_options>(std::move(result));
}

// The "message" of a 422 Invalid on the options kind `kind`, checked whole.
std::string invalid_message(const json& status, std::string_view kind) {
  CHECK(status["code"] == 422);
  CHECK(status["reason"] == "Invalid");
  CHECK(status["details"]["kind"] == kind);
  CHECK(status["details"]["group"] == "meta.k8s.io");
  return status.value("message", "");
}

json delete_failure(const query_parameters& query, std::string_view body) {
  return failure_status(parse_delete_options(query, body));
}

delete_options delete_of(const query_parameters& query, std::string_view body) {
  auto result = parse_delete_options(query, body);
  if (const auto* failure = failure_of(result)) FAIL(failure->status.dump());
  return std::get<delete_options>(std::move(result));
}

}  // namespace

TEST_CASE("write options default to Warn and read dryRun, fieldManager and force") {
  auto defaults = parse_write_options({});
  REQUIRE(std::holds_alternative<write_options>(defaults));
  CHECK(std::get<write_options>(defaults).validation == field_validation::warn);
  CHECK_FALSE(std::get<write_options>(defaults).dry_run);
  auto given = parse_write_options({{"dryRun", "All"},
                                    {"fieldManager", "kubectl-client-side-apply"},
                                    {"fieldValidation", "Strict"},
                                    {"force", "true"}});
  REQUIRE(std::holds_alternative<write_options>(given));
  const auto& options = std::get<write_options>(given);
  CHECK(options.dry_run);
  CHECK(options.field_manager == "kubectl-client-side-apply");
  CHECK(options.validation == field_validation::strict);
  CHECK(options.force);
  CHECK(std::get<write_options>(parse_write_options({{"fieldValidation", "Ignore"}})).validation ==
        field_validation::ignore);
}

TEST_CASE("a dryRun other than All is 422 naming the value as Go prints a []string") {
  auto status = failure_status(parse_write_options({{"dryRun", "Server"}}));
  CHECK(invalid_message(status, "CreateOptions") ==
        "CreateOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported value: "
        "[]string{\"Server\"}: supported values: \"All\"");
  CHECK(status["details"]["causes"] ==
        json::array(
            {{{"reason", "FieldValueNotSupported"},
              {"message", "Unsupported value: []string{\"Server\"}: supported values: \"All\""},
              {"field", "dryRun"}}}));
}

TEST_CASE("an unknown fieldValidation is 422 listing kube's sorted values") {
  auto status = failure_status(parse_write_options({{"fieldValidation", "Loose"}}));
  CHECK(invalid_message(status, "CreateOptions") ==
        "CreateOptions.meta.k8s.io \"\" is invalid: fieldValidation: Unsupported value: "
        "\"Loose\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\"");
}

TEST_CASE("a fieldManager over 128 bytes is 422 Too long") {
  auto status = failure_status(parse_write_options({{"fieldManager", std::string(129, 'm')}}));
  CHECK(invalid_message(status, "CreateOptions") ==
        "CreateOptions.meta.k8s.io \"\" is invalid: fieldManager: Too long: may not be more than "
        "128 bytes");
  CHECK(std::holds_alternative<write_options>(
      parse_write_options({{"fieldManager", std::string(128, 'm')}})));
}

TEST_CASE("a force that is not a Go boolean is 400") {
  auto status = failure_status(parse_write_options({{"force", "yes"}}));
  CHECK(status["code"] == 400);
  CHECK(status["message"] == "invalid value for force: \"yes\": must be true or false");
  CHECK(std::get<write_options>(parse_write_options({{"force", "T"}})).force);
}

TEST_CASE("list options read selectors, paging and watch flags") {
  auto options = list_of({{"labelSelector", "app=web,tier!=db"},
                          {"fieldSelector", "spec.nodeName=worker-1"},
                          {"limit", "500"},
                          {"resourceVersion", "42"},
                          {"resourceVersionMatch", "NotOlderThan"},
                          {"timeoutSeconds", "300"},
                          {"watch", "1"},
                          {"allowWatchBookmarks", "true"},
                          {"sendInitialEvents", "true"}});
  CHECK(options.labels.to_string() == "app=web,tier!=db");
  CHECK(options.fields.to_string() == "spec.nodeName=worker-1");
  CHECK(options.limit == 500);
  CHECK(options.resource_version == 42);
  CHECK(options.resource_version_text == "42");
  CHECK(options.match == resource_version_match::not_older_than);
  CHECK(options.timeout_seconds == 300);
  CHECK(options.watch);
  CHECK(options.allow_watch_bookmarks);
  CHECK(options.send_initial_events == true);
}

TEST_CASE("watch is false only for 0 and false in any case, as kube converts it") {
  CHECK(list_of({{"watch", "maybe"}}).watch);
  CHECK(list_of({{"watch", ""}}).watch);
  CHECK_FALSE(list_of({{"watch", "0"}}).watch);
  CHECK_FALSE(list_of({{"watch", "FALSE"}}).watch);
  CHECK_FALSE(list_of({}).watch);
}

TEST_CASE("a negative limit means no limit") {
  CHECK(list_of({{"limit", "-5"}}).limit == 0);
}

TEST_CASE("a label selector kube cannot parse is 400 with the parser's message") {
  auto status = list_failure({{"labelSelector", "app=(web"}});
  CHECK(status["code"] == 400);
  CHECK(status["reason"] == "BadRequest");
  CHECK(status["message"] == "unable to parse requirement: found '(', expected: identifier");
}

TEST_CASE("a field selector on a field the kind does not support is 400") {
  auto status = list_failure({{"fieldSelector", "spec.colour=blue"}});
  CHECK(status == failure_status(400, "BadRequest", "field label not supported: spec.colour"));
}

TEST_CASE("numbers and booleans of list options that do not parse are 400") {
  CHECK(list_failure({{"limit", "ten"}})["message"] ==
        "invalid value for limit: \"ten\": must be an integer");
  CHECK(list_failure({{"resourceVersion", "abc"}})["message"] ==
        "invalid resource version \"abc\": must be a non-negative integer");
  CHECK(list_failure({{"resourceVersion", "-1"}})["message"] ==
        "invalid resource version \"-1\": must be a non-negative integer");
  CHECK(list_failure({{"timeoutSeconds", "1m"}})["message"] ==
        "invalid value for timeoutSeconds: \"1m\": must be an integer");
  CHECK(list_failure({{"watch", "true"}, {"sendInitialEvents", "sure"}})["message"] ==
        "invalid value for sendInitialEvents: \"sure\": must be true or false");
}

TEST_CASE("a resourceVersion other than 0 with a continue token is 400") {
  CHECK(list_failure({{"continue", "abc"}, {"resourceVersion", "7"}})["message"] ==
        "specifying resource version is not allowed when using continue");
  CHECK(list_of({{"continue", "abc"}, {"resourceVersion", "0"}}).continue_token == "abc");
}

TEST_CASE("a list's resourceVersionMatch rules are kube's, in kube's order") {
  CHECK(invalid_message(list_failure({{"resourceVersionMatch", "Exact"}}), "ListOptions") ==
        "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: "
        "resourceVersionMatch is forbidden unless resourceVersion is provided");
  CHECK(invalid_message(list_failure({{"resourceVersionMatch", "Newest"}}), "ListOptions") ==
        "ListOptions.meta.k8s.io \"\" is invalid: [resourceVersionMatch: Forbidden: "
        "resourceVersionMatch is forbidden unless resourceVersion is provided, "
        "resourceVersionMatch: Unsupported value: \"Newest\": supported values: \"Exact\", "
        "\"NotOlderThan\", \"\"]");
  CHECK(invalid_message(list_failure({{"resourceVersionMatch", "NotOlderThan"},
                                      {"continue", "abc"},
                                      {"resourceVersion", "0"}}),
                        "ListOptions") ==
        "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: "
        "resourceVersionMatch is forbidden when continue is provided");
  CHECK(invalid_message(list_failure({{"resourceVersionMatch", "Exact"}, {"resourceVersion", "0"}}),
                        "ListOptions") ==
        "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: "
        "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"");
  CHECK(list_of({{"resourceVersionMatch", "Exact"}, {"resourceVersion", "9"}}).match ==
        resource_version_match::exact);
}

TEST_CASE("sendInitialEvents is forbidden for a list, even when false") {
  CHECK(invalid_message(list_failure({{"sendInitialEvents", "false"}}), "ListOptions") ==
        "ListOptions.meta.k8s.io \"\" is invalid: sendInitialEvents: Forbidden: "
        "sendInitialEvents is forbidden for list");
}

TEST_CASE("a streaming watch list needs no resourceVersion and no bookmarks to be valid") {
  auto options = list_of(
      {{"watch", "true"}, {"sendInitialEvents", "true"}, {"resourceVersionMatch", "NotOlderThan"}});
  CHECK(options.send_initial_events == true);
  CHECK(options.resource_version_text.empty());
}

TEST_CASE("a watch's resourceVersionMatch rules are kube's validateWatchOptions") {
  CHECK(invalid_message(list_failure({{"watch", "true"}, {"sendInitialEvents", "true"}}),
                        "ListOptions") ==
        "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: "
        "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan");
  CHECK(invalid_message(list_failure({{"watch", "true"},
                                      {"resourceVersion", "5"},
                                      {"resourceVersionMatch", "NotOlderThan"}}),
                        "ListOptions") ==
        "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: "
        "resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided");
  CHECK(invalid_message(list_failure({{"watch", "true"},
                                      {"sendInitialEvents", "true"},
                                      {"resourceVersionMatch", "Exact"}}),
                        "ListOptions") ==
        "ListOptions.meta.k8s.io \"\" is invalid: [resourceVersionMatch: Forbidden: "
        "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan, "
        "resourceVersionMatch: Unsupported value: \"Exact\": supported values: "
        "\"NotOlderThan\"]");
  CHECK(invalid_message(list_failure({{"watch", "true"},
                                      {"sendInitialEvents", "false"},
                                      {"resourceVersionMatch", "NotOlderThan"},
                                      {"continue", "abc"}}),
                        "ListOptions") ==
        "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: "
        "resourceVersionMatch is forbidden when continue is provided");
}

TEST_CASE("delete options come from the query") {
  auto options = delete_of(
      {{"gracePeriodSeconds", "5"}, {"propagationPolicy", "Foreground"}, {"dryRun", "All"}}, "");
  CHECK(options.grace_period_seconds == 5);
  CHECK(options.propagation == propagation_policy::foreground);
  CHECK(options.dry_run);
  CHECK(delete_of({{"orphanDependents", "true"}}, "").propagation == propagation_policy::orphan);
  CHECK(delete_of({{"orphanDependents", "false"}}, "").propagation ==
        propagation_policy::background);
  CHECK(delete_of({}, " \n").propagation == propagation_policy::unset);
}

TEST_CASE("a DeleteOptions body's members win over the query's") {
  auto options = delete_of({{"gracePeriodSeconds", "30"}, {"propagationPolicy", "Orphan"}},
                           R"({"kind":"DeleteOptions","apiVersion":"v1","gracePeriodSeconds":0,
                               "propagationPolicy":"Background",
                               "preconditions":{"uid":"u-1","resourceVersion":"12"},
                               "dryRun":["All"]})");
  CHECK(options.grace_period_seconds == 0);
  CHECK(options.propagation == propagation_policy::background);
  CHECK(options.precondition_uid == "u-1");
  CHECK(options.precondition_resource_version == "12");
  CHECK(options.dry_run);
  CHECK(delete_of({}, R"({"gracePeriodSeconds":null})").grace_period_seconds == std::nullopt);
  CHECK(delete_of({}, R"({"orphanDependents":true})").propagation == propagation_policy::orphan);
}

TEST_CASE("an unknown propagation policy is 422 with kube's supported values") {
  auto expected =
      "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Unsupported value: "
      "\"Sideways\": supported values: \"Foreground\", \"Background\", \"Orphan\", \"nil\"";
  CHECK(invalid_message(delete_failure({{"propagationPolicy", "Sideways"}}, ""), "DeleteOptions") ==
        expected);
  CHECK(invalid_message(delete_failure({}, R"({"propagationPolicy":"Sideways"})"),
                        "DeleteOptions") == expected);
}

TEST_CASE("orphanDependents and propagationPolicy together are 422") {
  CHECK(invalid_message(
            delete_failure({}, R"({"orphanDependents":false,"propagationPolicy":"Orphan"})"),
            "DeleteOptions") ==
        "DeleteOptions.meta.k8s.io \"\" is invalid: propagationPolicy: Invalid value: "
        "\"Orphan\": orphanDependents and deletionPropagation cannot be both set");
}

TEST_CASE("a dryRun other than All in a delete is 422 on DeleteOptions") {
  CHECK(invalid_message(delete_failure({{"dryRun", "Later"}}, ""), "DeleteOptions") ==
        "DeleteOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported value: "
        "[]string{\"Later\"}: supported values: \"All\"");
  CHECK(invalid_message(delete_failure({}, R"({"dryRun":["All","Later"]})"), "DeleteOptions") ==
        "DeleteOptions.meta.k8s.io \"\" is invalid: dryRun: Unsupported value: "
        "[]string{\"All\", \"Later\"}: supported values: \"All\"");
}

TEST_CASE("delete options that do not parse are 400") {
  CHECK(delete_failure({{"gracePeriodSeconds", "soon"}}, "")["message"] ==
        "invalid value for gracePeriodSeconds: \"soon\": must be an integer");
  CHECK(delete_failure({{"orphanDependents", "perhaps"}}, "")["message"] ==
        "invalid value for orphanDependents: \"perhaps\": must be true or false");
  CHECK(delete_failure({}, "[1]")["message"] ==
        "the body of a delete request must be a DeleteOptions object");
  CHECK(delete_failure({}, "{bad")["message"] ==
        "the body of a delete request must be a DeleteOptions object");
  CHECK(delete_failure({}, R"({"gracePeriodSeconds":"5"})")["message"] ==
        "DeleteOptions.gracePeriodSeconds must be an integer");
}

TEST_CASE("query_value gives the first value of a parameter") {
  query_parameters query{{"a", "1"}, {"b", ""}, {"a", "2"}};
  CHECK(query_value(query, "a") == "1");
  CHECK(query_value(query, "b") == "");
  CHECK_FALSE(query_value(query, "c"));
}
