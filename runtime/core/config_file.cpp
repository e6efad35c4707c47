#include "runtime/core/config_file.hpp"

#include <yaml-cpp/yaml.h>

#include <functional>
#include <map>
#include <optional>
#include <sstream>

#include "messages/core/yaml_documents.hpp"

namespace troupe::runtime {

namespace {

// Thrown inside this file only, turned into an error value at its edge.
struct config_error {
  std::string message;
};

std::string scalar(const YAML::Node& node, const std::string& path) {
  if (!node.IsScalar()) throw config_error{path + ": expected a single value"};
  return node.Scalar();
}

std::int64_t integer(const YAML::Node& node, const std::string& path) {
  auto text = scalar(node, path);
  std::int64_t value = 0;
  std::size_t used = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size() || node.Tag() == "!")
    throw config_error{path + ": expected an integer, got \"" + text + "\""};
  return value;
}

std::int64_t integer_in(const YAML::Node& node, const std::string& path, std::int64_t low,
                        std::int64_t high) {
  auto value = integer(node, path);
  if (value < low || value > high)
    throw config_error{path + ": must be between " + std::to_string(low) + " and " +
                       std::to_string(high)};
  return value;
}

net::endpoint endpoint_at(const YAML::Node& node, const std::string& path) {
  auto parsed = net::parse_endpoint(scalar(node, path));
  if (auto* error = std::get_if<std::string>(&parsed)) throw config_error{path + ": " + *error};
  return std::get<net::endpoint>(parsed);
}

template <class Handlers>
void for_each_key(const YAML::Node& map, const std::string& prefix, const Handlers& handlers) {
  if (!map.IsMap()) throw config_error{(prefix.empty() ? "config" : prefix) + ": expected a map"};
  for (const auto& item : map) {
    auto key = item.first.Scalar();
    auto path = prefix.empty() ? key : prefix + "." + key;
    auto handler = handlers.find(key);
    if (handler == handlers.end()) {
      std::string known;
      for (const auto& [name, unused] : handlers) known += (known.empty() ? "" : ", ") + name;
      throw config_error{path + ": unknown key (known: " + known + ")"};
    }
    handler->second(item.second, path);
  }
}

using handler_map =
    std::map<std::string, std::function<void(const YAML::Node&, const std::string&)>>;

void read_roles(const YAML::Node& node, const std::string& path, role_set& roles) {
  if (!node.IsSequence()) throw config_error{path + ": expected a list of roles"};
  roles = role_set{};
  for (std::size_t i = 0; i < node.size(); ++i) {
    auto item_path = path + "[" + std::to_string(i) + "]";
    auto text = scalar(node[i], item_path);
    auto role = parse_node_role(text);
    if (!role)
      throw config_error{item_path + ": unknown role \"" + text + "\" (store, control, worker)"};
    roles.insert(*role);
  }
}

void read_seeds(const YAML::Node& node, const std::string& path, std::vector<net::endpoint>& out) {
  if (!node.IsSequence()) throw config_error{path + ": expected a list of host:port"};
  out.clear();
  for (std::size_t i = 0; i < node.size(); ++i)
    out.push_back(endpoint_at(node[i], path + "[" + std::to_string(i) + "]"));
}

handler_map membership_handlers(membership::membership_settings& settings) {
  auto set_ms = [](std::int64_t& field) {
    return [&field](const YAML::Node& node, const std::string& path) {
      field = integer_in(node, path, 1, 3600000);
    };
  };
  return {
      {"heartbeat-interval-ms", set_ms(settings.heartbeat_interval_ms)},
      {"failure-timeout-ms", set_ms(settings.failure_timeout_ms)},
      {"dial-timeout-ms", set_ms(settings.dial_timeout_ms)},
      {"candidate-ttl-ms", set_ms(settings.candidate_ttl_ms)},
  };
}

handler_map tls_handlers(tls_files& tls) {
  auto set_text = [](std::string& field) {
    return
        [&field](const YAML::Node& node, const std::string& path) { field = scalar(node, path); };
  };
  return {{"certificate", set_text(tls.certificate)},
          {"key", set_text(tls.key)},
          {"ca", set_text(tls.ca)}};
}

handler_map store_handlers(store_options& store) {
  return {
      {"cluster", [&](const YAML::Node& n, const std::string& p) { store.cluster = scalar(n, p); }},
      {"initial-replicas",
       [&](const YAML::Node& n, const std::string& p) {
         if (!n.IsSequence()) throw config_error{p + ": expected a list of node names"};
         store.initial_replicas.clear();
         for (std::size_t i = 0; i < n.size(); ++i)
           store.initial_replicas.push_back(scalar(n[i], p + "[" + std::to_string(i) + "]"));
       }},
      {"tick-ms",
       [&](const YAML::Node& n, const std::string& p) {
         store.tick_ms = static_cast<int>(integer_in(n, p, 1, 1000));
       }},
  };
}

void read_document(const YAML::Node& root, node_config& config) {
  handler_map handlers{
      {"name", [&](const YAML::Node& n, const std::string& p) { config.name = scalar(n, p); }},
      {"listen",
       [&](const YAML::Node& n, const std::string& p) { config.listen = endpoint_at(n, p); }},
      {"seeds", [&](const YAML::Node& n, const std::string& p) { read_seeds(n, p, config.seeds); }},
      {"roles", [&](const YAML::Node& n, const std::string& p) { read_roles(n, p, config.roles); }},
      {"data-dir",
       [&](const YAML::Node& n, const std::string& p) { config.data_dir = scalar(n, p); }},
      {"runtime",
       [&](const YAML::Node& n, const std::string& p) {
         auto text = scalar(n, p);
         auto kind = parse_runtime_kind(text);
         if (!kind) throw config_error{p + ": unknown runtime \"" + text + "\" (oci, exec, fake)"};
         config.runtime = *kind;
       }},
      {"api-port",
       [&](const YAML::Node& n, const std::string& p) {
         config.api_port = static_cast<std::uint16_t>(integer_in(n, p, 1, 65535));
       }},
      {"workers",
       [&](const YAML::Node& n, const std::string& p) {
         config.workers = static_cast<int>(integer_in(n, p, 0, workers_max));
       }},
      {"store-replicas",
       [&](const YAML::Node& n, const std::string& p) {
         config.store_replicas = static_cast<int>(integer_in(n, p, 1, store_replicas_max));
       }},
      {"tls", [&](const YAML::Node& n,
                  const std::string& p) { for_each_key(n, p, tls_handlers(config.tls)); }},
      {"membership",
       [&](const YAML::Node& n, const std::string& p) {
         for_each_key(n, p, membership_handlers(config.membership));
       }},
      {"store", [&](const YAML::Node& n,
                    const std::string& p) { for_each_key(n, p, store_handlers(config.store)); }},
  };
  for_each_key(root, "", handlers);
}

// A config holds one document; a few empty ones around it are tolerated.
constexpr int config_documents_max = 16;

}  // namespace

std::variant<node_config, std::string> parse_config_yaml(const std::string& text,
                                                         node_config defaults) {
  auto loaded = load_yaml_documents(text, config_documents_max);
  if (auto* error = std::get_if<std::string>(&loaded)) return *error;
  const auto& present = std::get<std::vector<YAML::Node>>(loaded);
  try {
    if (present.size() != 1)
      return std::string("expected exactly one YAML document, found ") +
             std::to_string(present.size());
    read_document(present.front(), defaults);
    return defaults;
  } catch (const config_error& error) {
    return error.message;
  } catch (const YAML::Exception& error) {
    return "line " + std::to_string(error.mark.line + 1) + ", column " +
           std::to_string(error.mark.column + 1) + ": " + error.msg;
  }
}

}  // namespace troupe::runtime
