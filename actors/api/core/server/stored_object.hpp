// The value an API object is stored under in the consensus store: its JSON
// without metadata.resourceVersion, in a Cap'n Proto envelope
// (messages/schema/stored_object.capnp) that records where the resource
// version goes. The resource version of a stored object is its key's
// mod_revision (as kube-apiserver does with etcd), so it is only known after
// the write; reads insert it without parsing the JSON.
//
// Contract: encode_stored_object(object) requires a JSON object whose
// "metadata" member is an object; the resource version member is dropped.
// decode_stored_object refuses input encode_stored_object did not produce
// (bad envelope, offset not just after a '{'). with_resource_version is pure
// string work. Objects are serialized with nlohmann's sorted member order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json.hpp>

namespace troupe::api {

// Bounds a stored object: kube-apiserver refuses requests over 3 MiB and the
// store values over 1.5 MiB; a decoded envelope is never larger than this.
constexpr std::size_t stored_object_bytes_max = 2 * 1024 * 1024;

struct stored_object {
  std::string json;  // without resourceVersion
  std::uint32_t resource_version_offset = 0;
};

// Serializes `object` (sorted members, no resourceVersion) and records the
// insertion point.
stored_object make_stored_object(const nlohmann::json& object);

std::string encode_stored_object(const stored_object& object);
std::variant<stored_object, std::string> decode_stored_object(std::string_view bytes);

// The JSON text with metadata.resourceVersion set to `resource_version`.
std::string with_resource_version(const stored_object& object, std::int64_t resource_version);

}  // namespace troupe::api
