// Events: LAST SEEN TYPE REASON OBJECT MESSAGE, wide SUBOBJECT SOURCE FIRST
// SEEN COUNT NAME (kube's printEvent, in its column order). Events written
// through events.k8s.io carry eventTime and series instead of the legacy
// timestamps and count; kube falls back to them, and so do we.
#include <cctype>

#include "actors/api/core/tables/table_common_columns.hpp"
#include "actors/api/core/tables/table_fields.hpp"
#include "actors/api/core/tables/table_metadata.hpp"
#include "actors/api/core/tables/table_printers.hpp"
#include "actors/api/core/tables/table_timestamps.hpp"

namespace troupe::api::tables {

namespace {

using nlohmann::json;

constexpr table_column event_columns[] = {
    {"Last Seen", "string", "",
     "The time at which the most recent occurrence of this event was recorded.", 0},
    {"Type", "string", "",
     "Type of this event (Normal, Warning), new types could be added in the future", 0},
    {"Reason", "string", "",
     "This should be a short, machine understandable string that gives the reason for the "
     "transition into the object's current status.",
     0},
    {"Object", "string", "", "The object that this event is about.", 0},
    {"Subobject", "string", "",
     "If referring to a piece of an object instead of an entire object, this string should "
     "contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. "
     "For example, if the object reference is to a container within a pod, this would take on a "
     "value like: \"spec.containers{name}\" (where \"name\" refers to the name of the container "
     "that triggered the event) or if no container name is specified \"spec.containers[2]\" "
     "(container with index 2 in this pod). This syntax is chosen only to have some well-defined "
     "way of referencing a part of an object.",
     1},
    {"Source", "string", "",
     "The component reporting this event. Should be a short machine understandable string.", 1},
    {"Message", "string", "", "A human-readable description of the status of this operation.", 0},
    {"First Seen", "string", "",
     "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)", 1},
    {"Count", "string", "", "The number of times this event has occurred.", 1},
    {"Name", "string", "name", object_name_description, 1},
};

std::string lowercase(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// "pod/web-1", or the kind alone for an event about no named object.
std::string target(const json& event) {
  const auto& involved = member(event, "involvedObject");
  auto kind = lowercase(text_member(involved, "kind"));
  const auto& name = text_member(involved, "name");
  return name.empty() ? kind : kind + "/" + name;
}

// formatEventSource: component (else reportingComponent), then ", host"
// (else reportingInstance) when there is one.
std::string event_source(const json& event) {
  const auto& source = member(event, "source");
  auto component = text_member(source, "component");
  if (component.empty()) component = text_member(event, "reportingComponent");
  auto host = text_member(source, "host");
  if (host.empty()) host = text_member(event, "reportingInstance");
  return host.empty() ? component : component + ", " + host;
}

// Trims what Go's strings.TrimSpace does for ASCII text.
std::string trimmed(const std::string& text) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  };
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && space(text[begin])) ++begin;
  while (end > begin && space(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

table_row print_event(const json& event, std::chrono::system_clock::time_point now) {
  auto first_seen = age_since(member(event, "firstTimestamp"), now);
  if (!timestamp_value(member(event, "firstTimestamp")))
    first_seen = age_since(member(event, "eventTime"), now);
  auto last_seen = age_since(member(event, "lastTimestamp"), now);
  if (!timestamp_value(member(event, "lastTimestamp"))) last_seen = first_seen;
  auto count = integer_member(event, "count");
  if (has_member(event, "series")) {
    last_seen = age_since(member(member(event, "series"), "lastObservedTime"), now);
    count = integer_member(member(event, "series"), "count");
  } else if (count == 0) {
    count = 1;  // singleton events of the new API have no count
  }
  table_row row;
  row.cells = json::array({last_seen, text_member(event, "type"), text_member(event, "reason"),
                           target(event), text_member(member(event, "involvedObject"), "fieldPath"),
                           event_source(event), trimmed(text_member(event, "message")), first_seen,
                           count, name_of(event)});
  return row;
}

}  // namespace

const table_printer event_printer{event_columns, print_event};

}  // namespace troupe::api::tables
