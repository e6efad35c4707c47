// The configuration of one node process (`troupe node`) or of a whole
// in-process cluster (`troupe up`). Loaded from YAML (config_file.hpp), then
// overridden by flags (command_line.hpp), then validated.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "actors/membership/core/membership_settings.hpp"
#include "messages/core/node_role.hpp"
#include "net/core/endpoint.hpp"

namespace troupe::runtime {

enum class runtime_kind : std::uint8_t { oci, exec, fake };

std::string to_string(runtime_kind kind);
std::optional<runtime_kind> parse_runtime_kind(const std::string& text);

// Mutual TLS for the actor network: all three files, or none.
struct tls_files {
  std::string certificate;
  std::string key;
  std::string ca;
  bool enabled() const { return !certificate.empty() || !key.empty() || !ca.empty(); }
};

// Bounds of `troupe up`.
constexpr int workers_max = 64;
constexpr int store_replicas_max = 7;

struct node_config {
  std::string name;
  net::endpoint listen{"127.0.0.1", 7450};
  std::vector<net::endpoint> seeds;
  role_set roles = role_set::all();
  std::string data_dir = "./.troupe";
  tls_files tls;
  runtime_kind runtime = runtime_kind::oci;
  membership::membership_settings membership;
  // Only for `troupe up`: the in-process cluster's shape and API port.
  std::uint16_t api_port = 6443;
  int workers = 1;
  int store_replicas = 1;

  // Names the first offending field ("seeds: ..."), or nothing when valid.
  std::optional<std::string> validate() const;
};

}  // namespace troupe::runtime
