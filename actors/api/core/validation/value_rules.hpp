// The value rules of k8s.io/apimachinery/pkg/util/validation and the small
// helpers of kube's core validation that every kind shares, with kube's
// wording: port numbers and IANA port names, environment variable names,
// ConfigMap keys, percents, IP addresses and CIDRs (ParseIPSloppy: IPv4
// octets may carry leading zeros), "must be greater than or equal to 0".
// Name and label rules come from messages/core (object_names.hpp,
// labels.hpp); these wrappers only attach paths and values.
// Pure functions; none throws.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "actors/api/core/validation/field_errors.hpp"

namespace troupe::api::validation {

// validation.InclusiveRangeError: "must be between 1 and 65535, inclusive".
std::string inclusive_range_message(std::int64_t low, std::int64_t high);

// IsValidPortNum, IsValidPortName, IsConfigMapKey,
// IsValidPercent, IsHTTPHeaderName: the messages for a bad value.
std::vector<std::string> port_number_messages(std::int64_t port);
std::vector<std::string> port_name_messages(std::string_view name);
std::vector<std::string> config_map_key_messages(std::string_view key);
std::vector<std::string> percent_messages(std::string_view value);
std::vector<std::string> http_header_name_messages(std::string_view name);
// IsValidUserID / IsValidGroupID: 0 to 4294967295.
std::vector<std::string> user_or_group_id_messages(std::int64_t id);
// The same on an optional integer member `key` of `object` (a *int64 in Go),
// reported at path.key.
error_list optional_user_or_group_id(const nlohmann::json& object, const char* key,
                                     const field_path& path);

// Field-level wrappers (ValidateDNS1123Label, ValidateDNS1123Subdomain,
// ValidateQualifiedName = ValidateLabelName, ValidateLabels, ValidateNonnegativeField).
error_list dns1123_label(const std::string& value, const field_path& path);
error_list dns1123_subdomain(const std::string& value, const field_path& path);
error_list qualified_name(const std::string& value, const field_path& path);
// All keys and values of a map[string]string reported at `path` itself.
error_list labels(const nlohmann::json& map, const field_path& path);
error_list annotations(const nlohmann::json& map, const field_path& path);
error_list non_negative(std::int64_t value, const field_path& path);
// A namespace name (DNS-1123 label) for references to namespaces.
std::vector<std::string> namespace_name_messages(std::string_view name);

// An IP address in 16 bytes (IPv4 as ::ffff:a.b.c.d), as Go's net.IP.
struct ip_address {
  std::array<std::uint8_t, 16> bytes{};
  bool is_v4 = false;
};
std::optional<ip_address> parse_ip(std::string_view text);
// IsValidIP / IsValidIPv4Address / IsValidIPv6Address / IsValidCIDR.
error_list ip_errors(const std::string& value, const field_path& path);
error_list ipv4_errors(const std::string& value, const field_path& path);
error_list ipv6_errors(const std::string& value, const field_path& path);
error_list cidr_errors(const std::string& value, const field_path& path);
// ValidateNonSpecialIP: no unspecified, loopback or link-local address.
error_list non_special_ip(const std::string& value, const field_path& path);

// An IntOrString port: numbers by IsValidPortNum, strings by IsValidPortName
// (ValidatePortNumOrName).
error_list port_number_or_name(const nlohmann::json& port, const field_path& path);
// ValidatePositiveIntOrPercent and IsNotMoreThan100Percent (apps validation).
error_list positive_int_or_percent(const nlohmann::json& value, const field_path& path);
error_list not_more_than_100_percent(const nlohmann::json& value, const field_path& path);
// getIntOrPercentValue: the percent's number, or the integer (IntValue()).
std::int64_t int_or_percent_value(const nlohmann::json& value);

// path.IsValidPathSegmentName messages for a whole name.
std::vector<std::string> path_segment_messages(std::string_view name);

}  // namespace troupe::api::validation
