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

// The consensus store replica of a node with the store role.
struct store_options {
  // Recorded in every replica's data dir: a dir of another cluster is refused.
  std::string cluster = "troupe";
  // The replicas that form a new store (etcd's --initial-cluster), by node
  // name; empty: this node alone. Ignored once the data dir holds a log.
  std::vector<std::string> initial_replicas;
  // Raft's clock: elections after 10-20 ticks without a leader.
  int tick_ms = 10;
};

constexpr int store_initial_replicas_max = 7;

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
  store_options store;
  // The Kubernetes API's HTTPS port (nodes with the control role, `up`).
  std::uint16_t api_port = 6443;
  // Only for `troupe up`: the in-process cluster's shape.
  int workers = 1;
  int store_replicas = 1;

  // Names the first offending field ("seeds: ..."), or nothing when valid.
  std::optional<std::string> validate() const;
};

}  // namespace troupe::runtime
