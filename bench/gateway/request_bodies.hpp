// The request bodies the load client sends, as compact JSON text:
//   - a ConfigMap whose data holds `payload_bytes` characters (the create
//     load; the total body is then a little over that);
//   - a watch probe: a small ConfigMap whose data "benchProbe" is
//     "<index>:<steady-clock ns at send>", which the watcher finds in each
//     event line without parsing the whole line (probe_marker);
//   - a Pod of the kind a Deployment makes (two containers with ports, env,
//     resources, probes, a volume, tolerations; about 1.9 KiB sent, more
//     once defaulted);
//   - a Namespace;
//   - etcd's JSON-gateway put: base64 key and value (RFC 4648, padded), as
//     protobuf `bytes` are spelled in JSON.
// Names are used as given: callers make them unique, with run_token() in
// them so that two runs against one cluster never collide.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace troupe::bench {

inline constexpr std::string_view probe_marker = "\"benchProbe\":\"";

// Distinct for every run of the program at one time (its process id).
std::string run_token();

std::string config_map_body(const std::string& name, std::size_t payload_bytes);
std::string probe_body(const std::string& name, std::uint64_t index, std::int64_t sent_ns);
std::string pod_body(const std::string& name);
std::string namespace_body(const std::string& name);
std::string base64(std::string_view bytes);
std::string etcd_put_body(const std::string& key, const std::string& encoded_value);

}  // namespace troupe::bench
