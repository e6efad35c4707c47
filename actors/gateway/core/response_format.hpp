// How the client asked to see an answer, and the answer in that form.
// Human output from kubectl asks
//   Accept: application/json;as=Table;v=v1;g=meta.k8s.io,...,application/json
// and gets a meta.k8s.io/v1 Table (actors/api/core/tables); everything else
// is plain JSON. The first acceptable media range wins, as in
// kube-apiserver's negotiation; PartialObjectMetadata views are not served,
// so a client listing them falls through to its next range. Pure.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/server/request_options.hpp"
#include "actors/api/core/tables/api_tables.hpp"
#include "messages/core/api.hpp"

namespace troupe::gateway {

constexpr std::string_view table_content_type = "application/json;as=Table;v=v1;g=meta.k8s.io";

struct response_format {
  bool table = false;
  api::table_include_object include_object = api::table_include_object::metadata;
};

response_format negotiate(std::string_view accept, const api::query_parameters& query);

// Whether format_response has work to do: a Table asked for and a
// successful answer (failures and other formats pass unchanged).
bool renders_table(const response_format& format, const api_response& response);

// A successful answer (an object or a list) as a Table when asked for;
// failures and other formats pass unchanged.
api_response format_response(api_response response, const api::resource_info& served,
                             const response_format& format,
                             std::chrono::system_clock::time_point now);

// One line of a watch stream: {"type":..,"object":..}\n, the object as a
// one-row Table when asked for (column definitions in the first event only).
std::string watch_line(const api_watch_event& event, const api::resource_info& served,
                       const response_format& format, bool first,
                       std::chrono::system_clock::time_point now);

}  // namespace troupe::gateway
