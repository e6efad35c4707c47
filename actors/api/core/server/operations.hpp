// The operations of the api core, one factory each (api_operation.hpp has
// the protocol; make_operation picks one by verb and subresource).
#pragma once

#include <memory>

#include "actors/api/core/server/api_operation.hpp"
#include "actors/api/core/server/request_options.hpp"

namespace troupe::api {

// GET of an object, its status or its scale.
std::unique_ptr<api_operation> make_get_operation(const api_request& request,
                                                  const resource_info& resource);
// A list the store serves: paginated (limit or continue) or at an exact
// revision (list_plan.hpp decides).
std::unique_ptr<api_operation> make_store_list_operation(const api_request& request,
                                                         const resource_info& resource,
                                                         list_options options);
// POST of a new object to its collection.
std::unique_ptr<api_operation> make_create_operation(const api_request& request,
                                                     const resource_info& resource);
// PUT and PATCH of an object, its status or its scale.
std::unique_ptr<api_operation> make_update_operation(const api_request& request,
                                                     const resource_info& resource);
// DELETE of an object.
std::unique_ptr<api_operation> make_delete_operation(const api_request& request,
                                                     const resource_info& resource);
// DELETE of a collection (each matching object as by DELETE).
std::unique_ptr<api_operation> make_delete_collection_operation(const api_request& request,
                                                                const resource_info& resource);
// pods/binding, pods/eviction, pods/log.
std::unique_ptr<api_operation> make_binding_operation(const api_request& request,
                                                      const resource_info& resource);
std::unique_ptr<api_operation> make_eviction_operation(const api_request& request,
                                                       const resource_info& resource);
std::unique_ptr<api_operation> make_log_operation(const api_request& request,
                                                  const resource_info& resource);

}  // namespace troupe::api
