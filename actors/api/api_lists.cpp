// Lists, as kube-apiserver 1.32 serves them with its watch cache
// (shouldDelegateList): a continue token, a limit with a resourceVersion
// other than "0", or resourceVersionMatch=Exact go to the store; the rest is
// answered from the cache: at once for "0", once the cache has reached the
// given version for "N" (else 504 Too large resource version), and for a
// consistent list (no version) once it has reached the store's current
// revision (else, after the freshness wait, from the store).
#include "actors/api/api_actor_state.hpp"
#include "actors/api/core/api_status.hpp"
#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/hpa_conversion.hpp"
#include "actors/api/core/server/list_body.hpp"
#include "actors/api/core/server/object_fields.hpp"
#include "actors/api/core/server/object_keys.hpp"
#include "actors/api/core/server/operation_support.hpp"
#include "actors/api/core/server/operations.hpp"

namespace troupe::api {

namespace {

bool delegated_to_store(const list_options& options) {
  return !options.continue_token.empty() ||
         (options.limit > 0 && options.resource_version_text != "0") ||
         options.match == resource_version_match::exact;
}

void list_from_cache(api_self self, const resource_info& served, const watch_filter& filter,
                     const std::function<void(api_response)>& done) {
  const auto& cache = self->state.cache;
  std::vector<std::string> items;
  for (const auto& object : select_objects(cache, filter))
    items.push_back(cached_text(*object, served, object->revision));
  done(json_text_response(200, list_body(served, items, {cache.revision(), {}, -1})));
}

}  // namespace

std::string cached_text(const cached_object& object, const resource_info& served,
                        std::int64_t resource_version) {
  auto text = object.text(resource_version);
  if (&storage_resource(served) == &served) return text;
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  return to_served(std::move(parsed), served).dump();
}

void serve_list(api_self self, const api_request& request, const resource_info& resource,
                std::function<void(api_response)> done) {
  const auto& stored = storage_resource(resource);
  auto parsed = parse_list_options(request.query, selectable_fields(stored));
  if (auto* failure = failure_of(parsed)) return done(failure_response(*failure));
  auto options = std::get<list_options>(std::move(parsed));
  if (delegated_to_store(options))
    return run_operation(self, make_store_list_operation(request, resource, options),
                         std::move(done));
  watch_filter filter{collection_prefix(stored, resource.namespaced ? request.namespace_name : ""),
                      options.labels, options.fields};
  const resource_info* served = &resource;
  if (options.resource_version_text == "0") return list_from_cache(self, *served, filter, done);
  if (!options.resource_version_text.empty()) {
    auto wanted = options.resource_version;
    return when_fresh(self, wanted, [=](bool fresh) {
      if (!fresh)
        return done(
            failure_response({too_large_resource_version(wanted, self->state.cache.revision())}));
      list_from_cache(self, *served, filter, done);
    });
  }
  with_store_revision(
      self,
      [=](std::int64_t revision) {
        when_fresh(self, revision, [=](bool fresh) {
          if (fresh) return list_from_cache(self, *served, filter, done);
          run_operation(self, make_store_list_operation(request, *served, options), done);
        });
      },
      done);
}

}  // namespace troupe::api
