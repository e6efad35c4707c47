#include "net/tls/kubeconfig.hpp"

#include <openssl/evp.h>
#include <yaml-cpp/yaml.h>

#include <string_view>
#include <vector>

#include "net/tls/atomic_files.hpp"

namespace troupe::net::tls {

namespace {

// Encoded in chunks whose size is a multiple of 3, so the pieces join into
// one base64 text without padding in between and each fits EVP's int sizes.
constexpr std::size_t base64_chunk_bytes = 3 * 16 * 1024;

std::string base64_of(std::string_view bytes) {
  std::string encoded;
  std::vector<unsigned char> buffer(4 * base64_chunk_bytes / 3 + 1);
  while (!bytes.empty()) {
    auto chunk = bytes.substr(0, base64_chunk_bytes);
    int length =
        EVP_EncodeBlock(buffer.data(), reinterpret_cast<const unsigned char*>(chunk.data()),
                        static_cast<int>(chunk.size()));
    encoded.append(reinterpret_cast<const char*>(buffer.data()), static_cast<std::size_t>(length));
    bytes.remove_prefix(chunk.size());
  }
  return encoded;
}

// client-go reads a kubeconfig as YAML 1.1 and converts it to JSON before
// decoding, so a plain `yes` or `0123` would arrive as a bool or a number
// and fail to decode into a string field: every value from the spec is
// double-quoted.
void emit_string(YAML::Emitter& out, const char* key, const std::string& value) {
  out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
}

// Opens `list: [{name: <name>, <entry_key>: {` ...
void begin_named_entry(YAML::Emitter& out, const char* list, const std::string& name,
                       const char* entry_key) {
  out << YAML::Key << list << YAML::Value << YAML::BeginSeq << YAML::BeginMap;
  emit_string(out, "name", name);
  out << YAML::Key << entry_key << YAML::Value << YAML::BeginMap;
}

// ... and closes it: `}}]`.
void end_named_entry(YAML::Emitter& out) {
  out << YAML::EndMap << YAML::EndMap << YAML::EndSeq;
}

}  // namespace

std::string render_kubeconfig(const kubeconfig_spec& spec) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "apiVersion" << YAML::Value << "v1";
  out << YAML::Key << "kind" << YAML::Value << "Config";
  begin_named_entry(out, "clusters", spec.cluster_name, "cluster");
  emit_string(out, "server", spec.server);
  emit_string(out, "certificate-authority-data", base64_of(spec.ca_certificate));
  end_named_entry(out);
  begin_named_entry(out, "users", spec.user_name, "user");
  emit_string(out, "client-certificate-data", base64_of(spec.client.certificate));
  emit_string(out, "client-key-data", base64_of(spec.client.key));
  end_named_entry(out);
  begin_named_entry(out, "contexts", spec.context_name, "context");
  emit_string(out, "cluster", spec.cluster_name);
  emit_string(out, "user", spec.user_name);
  end_named_entry(out);
  emit_string(out, "current-context", spec.context_name);
  out << YAML::EndMap;
  return std::string(out.c_str(), out.size()) + "\n";
}

std::optional<std::string> write_kubeconfig(const std::string& path, const kubeconfig_spec& spec) {
  return write_file_atomically(path, render_kubeconfig(spec), 0600);
}

}  // namespace troupe::net::tls
