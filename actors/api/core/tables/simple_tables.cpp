// Kinds whose cells are read straight from the object: Namespace (STATUS),
// ConfigMap (DATA), Secret (TYPE, DATA), ServiceAccount (SECRETS) and Lease
// (HOLDER), each followed by AGE.
#include <set>

#include "actors/api/core/tables/table_common_columns.hpp"
#include "actors/api/core/tables/table_fields.hpp"
#include "actors/api/core/tables/table_metadata.hpp"
#include "actors/api/core/tables/table_printers.hpp"

namespace troupe::api::tables {

namespace {

using nlohmann::json;

constexpr table_column namespace_columns[] = {
    name_column,
    {"Status", "string", "", "The status of the namespace", 0},
    age_column,
};

constexpr table_column config_map_columns[] = {
    name_column,
    {"Data", "string", "",
     "Data contains the configuration data. Each key must consist of alphanumeric characters, "
     "'-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The "
     "keys stored in Data must not overlap with the keys in the BinaryData field, this is "
     "enforced during validation process.",
     0},
    age_column,
};

constexpr table_column secret_columns[] = {
    name_column,
    {"Type", "string", "",
     "Used to facilitate programmatic handling of secret data. More info: "
     "https://kubernetes.io/docs/concepts/configuration/secret/#secret-types",
     0},
    {"Data", "string", "",
     "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' "
     "or '.'. The serialized form of the secret data is a base64 encoded string, representing "
     "the arbitrary (possibly non-string) data value here. Described in "
     "https://tools.ietf.org/html/rfc4648#section-4",
     0},
    age_column,
};

constexpr table_column service_account_columns[] = {
    name_column,
    {"Secrets", "string", "",
     "Secrets is a list of the secrets in the same namespace that pods running using this "
     "ServiceAccount are allowed to use. Pods are only limited to this list if this service "
     "account has a \"kubernetes.io/enforce-mountable-secrets\" annotation set to \"true\". This "
     "field should not be used to find auto-generated service account token secrets for use "
     "outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or "
     "service account token secrets can be manually created. More info: "
     "https://kubernetes.io/docs/concepts/configuration/secret",
     0},
    age_column,
};

constexpr table_column lease_columns[] = {
    name_column,
    {"Holder", "string", "",
     "holderIdentity contains the identity of the holder of a current lease. If Coordinated "
     "Leader Election is used, the holder identity must be equal to the elected "
     "LeaseCandidate.metadata.name field.",
     0},
    age_column,
};

table_row print_namespace(const json& object, std::chrono::system_clock::time_point now) {
  table_row row;
  row.cells = json::array(
      {name_of(object), text_member(member(object, "status"), "phase"), age_of(object, now)});
  return row;
}

table_row print_config_map(const json& object, std::chrono::system_clock::time_point now) {
  table_row row;
  row.cells = json::array({name_of(object),
                           count_member(object, "data") + count_member(object, "binaryData"),
                           age_of(object, now)});
  return row;
}

// Converting a v1 Secret merges stringData into data, so a key in both
// counts once.
std::int64_t secret_keys(const json& secret) {
  std::set<std::string> keys;
  for (const char* field : {"data", "stringData"}) {
    const auto& values = member(secret, field);
    if (values.is_object())
      for (const auto& entry : values.items()) keys.insert(entry.key());
  }
  return static_cast<std::int64_t>(keys.size());
}

table_row print_secret(const json& object, std::chrono::system_clock::time_point now) {
  table_row row;
  row.cells = json::array(
      {name_of(object), text_member(object, "type"), secret_keys(object), age_of(object, now)});
  return row;
}

table_row print_service_account(const json& object, std::chrono::system_clock::time_point now) {
  table_row row;
  row.cells = json::array({name_of(object),
                           static_cast<std::int64_t>(list_member(object, "secrets").size()),
                           age_of(object, now)});
  return row;
}

table_row print_lease(const json& object, std::chrono::system_clock::time_point now) {
  table_row row;
  row.cells = json::array({name_of(object), text_member(member(object, "spec"), "holderIdentity"),
                           age_of(object, now)});
  return row;
}

}  // namespace

const table_printer namespace_printer{namespace_columns, print_namespace};
const table_printer config_map_printer{config_map_columns, print_config_map};
const table_printer secret_printer{secret_columns, print_secret};
const table_printer service_account_printer{service_account_columns, print_service_account};
const table_printer lease_printer{lease_columns, print_lease};

}  // namespace troupe::api::tables
