// Invariants shared by the API fuzz targets: what the API server and the
// gateway send must be sendable. A failure is a meta/v1 Status whose code is
// one its decoder documents, and every answer (a Status, a decoded object, a
// warning) serializes: the server dumps each with nlohmann's strict UTF-8
// handling, which throws on bytes that are not UTF-8. Each check aborts on a
// violation, so libFuzzer reports the input.
#pragma once

#include <cstdlib>
#include <initializer_list>
#include <string>

#include <nlohmann/json.hpp>

#include "actors/api/core/server/api_failure.hpp"

namespace troupe::fuzz {

inline void check_serializes(const nlohmann::json& value) {
  try {
    (void)value.dump();
  } catch (const nlohmann::json::exception&) {
    std::abort();
  }
}

inline void check_serializes(const std::string& text) {
  check_serializes(nlohmann::json(text));
}

// A Status (kind, apiVersion, status "Failure", a message) with one of
// `codes`, which the server can send.
inline void check_status(const api::api_failure& failure, std::initializer_list<int> codes) {
  const auto& status = failure.status;
  if (!status.is_object() || status.value("kind", "") != "Status" ||
      status.value("apiVersion", "") != "v1" || status.value("status", "") != "Failure")
    std::abort();
  auto message = status.find("message");
  if (message == status.end() || !message->is_string()) std::abort();
  bool expected = false;
  for (auto code : codes) expected = expected || failure.code() == code;
  if (!expected) std::abort();
  check_serializes(status);
}

}  // namespace troupe::fuzz
