// A request line from the network: the first byte picks the method (modulo
// the seven below), the rest is the request target, up to an optional NUL
// after which comes a DeleteOptions body. The gateway routes it
// (gateway_routes.hpp) and, for an API call, the API server reads every kind
// of options from its decoded query (request_options.hpp). Proves that
// routing and option parsing never crash; that a refused URL is a 400, 404
// or 405 Status and refused options a 400 or 422 Status, each sendable; that
// the server's documents answer GET only; that an API call names a served
// resource with a verb of its method; and that accepted list options keep
// kube's rules (no negative limit or resource version, no resourceVersion
// but "0" with a continue token).
#include <array>
#include <cstdlib>
#include <string_view>

#include "actors/api/core/resource_registry.hpp"
#include "actors/api/core/server/object_fields.hpp"
#include "actors/api/core/server/request_options.hpp"
#include "actors/gateway/core/gateway_routes.hpp"
#include "tests/fuzz/api_fuzz_checks.hpp"
#include "tests/fuzz/fuzz_input.hpp"

namespace {

constexpr std::array<std::string_view, 7> methods{"GET",    "POST", "PUT",    "PATCH",
                                                  "DELETE", "HEAD", "OPTIONS"};

bool verb_of_method(std::string_view method, std::string_view verb) {
  if (method == "GET") return verb == "get" || verb == "list" || verb == "watch";
  if (method == "POST") return verb == "create";
  if (method == "PUT") return verb == "update";
  if (method == "PATCH") return verb == "patch";
  if (method == "DELETE") return verb == "delete" || verb == "deletecollection";
  return false;
}

void check_options(const troupe::api_request& request, const troupe::api::resource_info& resource,
                   std::string_view delete_body) {
  auto listed =
      troupe::api::parse_list_options(request.query, troupe::api::selectable_fields(resource));
  if (const auto* failure = troupe::api::failure_of(listed)) {
    troupe::fuzz::check_status(*failure, {400, 422});
  } else {
    const auto& options = std::get<troupe::api::list_options>(listed);
    if (options.limit < 0 || options.resource_version < 0) std::abort();
    if (!options.continue_token.empty() && !options.resource_version_text.empty() &&
        options.resource_version_text != "0")
      std::abort();
  }
  auto written = troupe::api::parse_write_options(request.query);
  if (const auto* failure = troupe::api::failure_of(written))
    troupe::fuzz::check_status(*failure, {400, 422});
  auto deleted = troupe::api::parse_delete_options(request.query, delete_body);
  if (const auto* failure = troupe::api::failure_of(deleted))
    troupe::fuzz::check_status(*failure, {400, 422});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto method = methods[data[0] % methods.size()];
  auto [url, delete_body] = troupe::fuzz::split_at_nul(data + 1, size - 1);
  auto routed = troupe::gateway::route_request(method, url);
  if (const auto* failure = std::get_if<troupe::api::api_failure>(&routed)) {
    troupe::fuzz::check_status(*failure, {400, 404, 405});
    return 0;
  }
  const auto* call = std::get_if<troupe::gateway::api_route>(&routed);
  if (!call) {
    if (method != "GET") std::abort();
    return 0;
  }
  const auto& request = call->request;
  const auto* resource =
      troupe::api::find_resource(request.group, request.version, request.resource);
  if (!resource || !verb_of_method(method, request.verb)) std::abort();
  check_options(request, *resource, delete_body);
  return 0;
}
