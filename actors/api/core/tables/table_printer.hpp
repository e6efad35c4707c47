// What a table of one kind is made of: its column definitions (name, type,
// format, description, priority as kube declares them; priority 1 marks the
// `-o wide` columns) and a function computing one row's cells (and row
// conditions) from one whole object, at a given `now`.
//
// Contract: printers are immutable statics; `print` is pure, total (never
// throws on any JSON) and returns exactly one cell per column, typed as kube
// sends it: JSON numbers for kube's int64 cells, strings for everything else.
// kube-apiserver always computes the wide cells (it prints with Wide: true)
// and leaves hiding priority-1 columns to kubectl; so do we.
#pragma once

#include <chrono>
#include <span>
#include <string_view>

#include <nlohmann/json.hpp>

namespace troupe::api::tables {

struct table_column {
  std::string_view name;
  std::string_view type;  // "string", "integer", "boolean", "date"
  std::string_view format;
  std::string_view description;
  int priority = 0;
};

struct table_row {
  nlohmann::json cells = nlohmann::json::array();
  // TableRowCondition list (pods that Succeeded or Failed); null when none,
  // as kube omits it.
  nlohmann::json conditions;
};

using row_printer = table_row (*)(const nlohmann::json& object,
                                  std::chrono::system_clock::time_point now);

struct table_printer {
  std::span<const table_column> columns;
  row_printer print = nullptr;
  // kube's default table (rest.NewDefaultTableConvertor) appends rows to a
  // nil slice, so an empty list has "rows": null; printers of
  // pkg/printers/internalversion return an empty slice ("rows": []).
  bool rows_null_when_empty = false;
};

// The printer kube-apiserver 1.32 uses for objects of `kind` in the group of
// `api_version` ("apps/v1" -> apps); the default table (Name, Created At)
// for kinds it has no printer for (Role, ClusterRole, unknown kinds).
const table_printer& printer_for(std::string_view api_version, std::string_view kind);

}  // namespace troupe::api::tables
