// The table kube-apiserver serves for kinds without a printer (Role,
// ClusterRole here): rest.NewDefaultTableConvertor's NAME and CREATED AT, the
// creation time in RFC 3339 UTC rather than as an age.
#include "actors/api/core/tables/table_common_columns.hpp"
#include "actors/api/core/tables/table_fields.hpp"
#include "actors/api/core/tables/table_metadata.hpp"
#include "actors/api/core/tables/table_printers.hpp"
#include "actors/api/core/tables/table_timestamps.hpp"

namespace troupe::api::tables {

namespace {

constexpr table_column default_columns[] = {
    name_column,
    {"Created At", "date", "", creation_timestamp_description, 0},
};

table_row print_default(const nlohmann::json& object, std::chrono::system_clock::time_point) {
  table_row row;
  row.cells = nlohmann::json::array(
      {name_of(object),
       format_timestamp_utc(member(member(object, "metadata"), "creationTimestamp"))});
  return row;
}

}  // namespace

const table_printer default_printer{default_columns, print_default, true};

}  // namespace troupe::api::tables
