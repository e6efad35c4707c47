#include "actors/api/core/schema/openapi_parameters.hpp"

#include <array>
#include <cstdlib>
#include <initializer_list>

namespace troupe::api::schema {

namespace {

using json = nlohmann::json;

json query(std::string_view name, std::string_view type, std::string_view description) {
  return json{{"description", description},
              {"in", "query"},
              {"name", name},
              {"schema", json{{"type", type}, {"uniqueItems", true}}}};
}

struct query_parameter {
  std::string_view name;
  std::string_view type;
  std::string_view description;
};

constexpr std::array query_parameters{
    query_parameter{"allowWatchBookmarks", "boolean",
                    "Watch only: ask for BOOKMARK events carrying the latest resourceVersion."},
    query_parameter{"continue", "string",
                    "The continue token of the previous page of a paged list."},
    query_parameter{
        "dryRun", "string",
        "Process the request without persisting anything; the only valid value is All."},
    query_parameter{"fieldManager", "string",
                    "Name of the actor making the change, recorded in managedFields."},
    query_parameter{"fieldSelector", "string", "Restrict the objects returned by their fields."},
    query_parameter{"fieldValidation", "string",
                    "How unknown or duplicate fields in the body are treated: Ignore, Warn (the "
                    "default) or Strict."},
    query_parameter{"force", "boolean",
                    "Apply only: take over fields other managers own instead of failing with a "
                    "conflict."},
    query_parameter{"gracePeriodSeconds", "integer",
                    "Seconds before the object is deleted; zero deletes at once, unset uses the "
                    "default."},
    query_parameter{
        "ignoreStoreReadErrorWithClusterBreakingPotential", "boolean",
        "Delete an object that cannot be read from storage; this may break the cluster."},
    query_parameter{"labelSelector", "string", "Restrict the objects returned by their labels."},
    query_parameter{"limit", "integer",
                    "Most objects in one page; the list metadata carries a continue token for the "
                    "rest."},
    query_parameter{"orphanDependents", "boolean",
                    "Deprecated: whether dependents are orphaned; use propagationPolicy."},
    query_parameter{"propagationPolicy", "string",
                    "How dependents are garbage collected: Orphan, Background or Foreground."},
    query_parameter{"resourceVersion", "string",
                    "Which version of the data a read may be served from."},
    query_parameter{"resourceVersionMatch", "string",
                    "How resourceVersion applies to a list: Exact or NotOlderThan."},
    query_parameter{"sendInitialEvents", "boolean",
                    "Watch only: start the stream with events for the current state."},
    query_parameter{"timeoutSeconds", "integer", "Time limit of a list or watch call."},
    query_parameter{"watch", "boolean", "Stream changes as watch events instead of listing."},
    query_parameter{"container", "string",
                    "The container whose log to return; the only one by default."},
    query_parameter{"follow", "boolean", "Keep streaming the log as it grows."},
    query_parameter{"insecureSkipTLSVerifyBackend", "boolean",
                    "Do not verify the serving certificate of the kubelet."},
    query_parameter{"limitBytes", "integer", "Stop the log after this many bytes."},
    query_parameter{"previous", "boolean",
                    "The log of the previous, terminated run of the container."},
    query_parameter{"sinceSeconds", "integer", "Only log lines newer than this many seconds."},
    query_parameter{"stream", "string", "Which log stream to return: All, Stdout or Stderr."},
    query_parameter{"tailLines", "integer", "Number of lines from the end of the log to show."},
    query_parameter{"timestamps", "boolean", "Prefix every log line with an RFC 3339 timestamp."},
};

// The names come from this file only: a name missing from the table is a
// programmer error.
json parameter(std::string_view name) {
  for (const auto& known : query_parameters)
    if (known.name == name) return query(known.name, known.type, known.description);
  std::abort();
}

json pick(std::initializer_list<std::string_view> names) {
  json parameters = json::array();
  for (auto name : names) parameters.push_back(parameter(name));
  return parameters;
}

}  // namespace

json pretty_parameter() {
  return query("pretty", "string", "If 'true', the output is indented for reading.");
}

json name_parameter(std::string_view kind) {
  return json{{"description", "name of the " + std::string(kind)},
              {"in", "path"},
              {"name", "name"},
              {"required", true},
              {"schema", json{{"type", "string"}, {"uniqueItems", true}}}};
}

json namespace_parameter() {
  return json{{"description", "object name and auth scope, such as for teams and projects"},
              {"in", "path"},
              {"name", "namespace"},
              {"required", true},
              {"schema", json{{"type", "string"}, {"uniqueItems", true}}}};
}

json list_parameters() {
  return pick({"allowWatchBookmarks", "continue", "fieldSelector", "labelSelector", "limit",
               "resourceVersion", "resourceVersionMatch", "sendInitialEvents", "timeoutSeconds",
               "watch"});
}

json write_parameters() {
  return pick({"dryRun", "fieldManager", "fieldValidation"});
}

json patch_parameters() {
  return pick({"dryRun", "fieldManager", "fieldValidation", "force"});
}

json delete_parameters() {
  return pick({"dryRun", "gracePeriodSeconds", "ignoreStoreReadErrorWithClusterBreakingPotential",
               "orphanDependents", "propagationPolicy"});
}

json delete_collection_parameters() {
  return pick({"continue", "dryRun", "fieldSelector", "gracePeriodSeconds",
               "ignoreStoreReadErrorWithClusterBreakingPotential", "labelSelector", "limit",
               "orphanDependents", "propagationPolicy", "resourceVersion", "resourceVersionMatch",
               "sendInitialEvents", "timeoutSeconds"});
}

json log_parameters() {
  return pick({"container", "follow", "insecureSkipTLSVerifyBackend", "limitBytes", "previous",
               "sinceSeconds", "stream", "tailLines", "timestamps"});
}

}  // namespace troupe::api::schema
