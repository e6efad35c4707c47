// Helpers of the table tests: a fixed `now`, RFC 3339 times relative to it,
// and the cells of the one row a table of one object has.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/tables/api_tables.hpp"

namespace tables_test {

using nlohmann::json;

// 2024-06-01T12:00:00Z.
inline std::chrono::system_clock::time_point now() {
  using namespace std::chrono;
  return sys_days{year{2024} / June / 1} + hours{12};
}

// The RFC 3339 text (UTC, whole seconds) of `now() - seconds`.
inline std::string ago(std::int64_t seconds) {
  using namespace std::chrono;
  auto time = floor<std::chrono::seconds>(now()) - std::chrono::seconds{seconds};
  auto day = floor<days>(time);
  year_month_day date{day};
  hh_mm_ss clock{time - day};
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02lld:%02lld:%02lldZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<long long>(clock.hours().count()),
                static_cast<long long>(clock.minutes().count()),
                static_cast<long long>(clock.seconds().count()));
  return text;
}

inline json table_of(
    std::string_view api_version, std::string_view kind, const json& object,
    troupe::api::table_include_object include = troupe::api::table_include_object::metadata) {
  troupe::api::table_request request{api_version, kind, include, true, now()};
  return troupe::api::make_table(request, {object});
}

inline json cells_of(std::string_view api_version, std::string_view kind, const json& object) {
  return table_of(api_version, kind, object)["rows"][0]["cells"];
}

// The column names of a table, in order.
inline std::vector<std::string> column_names(const json& table) {
  std::vector<std::string> names;
  for (const auto& column : table["columnDefinitions"]) names.push_back(column["name"]);
  return names;
}

}  // namespace tables_test
