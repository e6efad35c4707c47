#include "actors/api/core/tables/api_tables.hpp"

#include "actors/api/core/json_limits.hpp"
#include "actors/api/core/tables/table_fields.hpp"
#include "actors/api/core/tables/table_printer.hpp"

namespace troupe::api {

// The printers and their helpers live in troupe::api::tables.
using namespace tables;

namespace {

using nlohmann::json;

json column_definitions(const table_printer& printer) {
  auto columns = json::array();
  for (const auto& column : printer.columns)
    columns.push_back({{"name", column.name},
                       {"type", column.type},
                       {"format", column.format},
                       {"description", column.description},
                       {"priority", column.priority}});
  return columns;
}

// ListMeta, each member omitted when empty as Go's omitempty does.
json list_metadata(const table_list_meta& list_meta) {
  auto metadata = json::object();
  if (!list_meta.resource_version.empty()) metadata["resourceVersion"] = list_meta.resource_version;
  if (!list_meta.continue_token.empty()) metadata["continue"] = list_meta.continue_token;
  if (list_meta.remaining_item_count >= 0)
    metadata["remainingItemCount"] = list_meta.remaining_item_count;
  return metadata;
}

// meta.AsPartialObjectMetadata: the whole ObjectMeta, which Go always
// serializes with a creationTimestamp (null when unset).
json partial_object_metadata(const json& object) {
  const auto& metadata = member(object, "metadata");
  json copy = metadata.is_object() ? metadata : json::object();
  if (!copy.contains("creationTimestamp")) copy["creationTimestamp"] = nullptr;
  return {{"kind", "PartialObjectMetadata"}, {"apiVersion", "meta.k8s.io/v1"}, {"metadata", copy}};
}

// The row's object per includeObject; null for None, and for an object
// nesting deeper than json_depth_max, which is not copied (copying recurses).
json row_object(const table_request& request, const json& object) {
  if (request.include_object == table_include_object::none) return nullptr;
  if (json_depth(object) > json_depth_max) return nullptr;
  if (request.include_object == table_include_object::metadata)
    return partial_object_metadata(object);
  json whole = object.is_object() ? object : json::object();
  whole["apiVersion"] = request.api_version;
  whole["kind"] = request.kind;
  return whole;
}

json table_row_json(const table_printer& printer, const table_request& request,
                    const json& object) {
  auto printed = printer.print(object, request.now);
  json row = {{"cells", std::move(printed.cells)}};
  if (!printed.conditions.is_null()) row["conditions"] = std::move(printed.conditions);
  row["object"] = row_object(request, object);
  return row;
}

}  // namespace

nlohmann::json make_table(const table_request& request, const std::vector<nlohmann::json>& objects,
                          const table_list_meta& list_meta) {
  const auto& printer = printer_for(request.api_version, request.kind);
  auto rows = json::array();
  for (const auto& object : objects) rows.push_back(table_row_json(printer, request, object));
  json table = json::object();
  table["kind"] = "Table";
  table["apiVersion"] = "meta.k8s.io/v1";
  table["metadata"] = list_metadata(list_meta);
  // Go serializes a nil slice as null: watch events after the first carry no
  // column definitions, and the default table's empty list no rows.
  table["columnDefinitions"] = request.column_definitions ? column_definitions(printer) : json();
  table["rows"] = rows.empty() && printer.rows_null_when_empty ? json() : std::move(rows);
  return table;
}

}  // namespace troupe::api
