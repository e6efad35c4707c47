// Reading YAML from untrusted text with yaml-cpp 0.7, safely: shared by the
// config loader and the API's YAML request bodies.
//
// Contract (pure; never throws):
//   - load_yaml_documents refuses text that is not UTF-8 or holds control
//     characters, in go-yaml's words ("invalid leading UTF-8 octet"), and
//     reads a lone CR as a line break, as go-yaml does; it then walks the
//     documents with yaml-cpp's event parser, refusing input on which
//     yaml-cpp makes no progress (a document starting with ',' makes
//     YAML::LoadAll loop for ever: found by the config fuzzer), then loads
//     them, dropping empty (null) documents.
//     Errors read "line L, column C: <what>" (1-based).
//   - yaml_to_json converts one document the way Kubernetes' YAML decoding
//     (sigs.k8s.io/yaml over go-yaml v2, YAML 1.1) does: maps to objects
//     (keys as strings), sequences to arrays, quoted scalars to strings, and
//     plain scalars to null (~, null, empty), booleans (YAML 1.1: true/false,
//     yes/no, on/off, y/n in their three casings), integers, floats (a
//     value below double's range is zero, as Go's ParseFloat reads it), or
//     strings otherwise. Aliases are expanded; nesting beyond `depth_max`,
//     or more than a million values in all, is refused.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

namespace troupe {

std::variant<std::vector<YAML::Node>, std::string> load_yaml_documents(const std::string& text,
                                                                       int documents_max);

std::variant<nlohmann::json, std::string> yaml_to_json(const YAML::Node& node,
                                                       std::size_t depth_max);

}  // namespace troupe
