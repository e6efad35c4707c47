// The failed outcome of an API step: the Kubernetes Status to answer
// (api_status.hpp builds them), carried as a value through the api core.
#pragma once

#include <variant>

#include <nlohmann/json.hpp>

namespace troupe::api {

struct api_failure {
  nlohmann::json status;  // a meta/v1 Status with "code"
  int code() const { return status.value("code", 500); }
};

template <class T>
using api_result = std::variant<T, api_failure>;

template <class T>
const api_failure* failure_of(const api_result<T>& result) {
  return std::get_if<api_failure>(&result);
}

}  // namespace troupe::api
