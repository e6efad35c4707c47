#include "messages/type_registry.hpp"

#include "messages/errors.hpp"
#include "messages/interfaces/api_actor.hpp"
#include "messages/interfaces/controller_actor.hpp"
#include "messages/interfaces/kubelet_actor.hpp"
#include "messages/interfaces/membership_actor.hpp"
#include "messages/interfaces/proxy_actor.hpp"
#include "messages/interfaces/scheduler_actor.hpp"
#include "messages/interfaces/store_replica_actor.hpp"

namespace troupe {

namespace {

// "membership: not_found (context)"
template <class Enum>
std::string render_error(std::uint8_t code, caf::atom_value category, const caf::message& context) {
  auto text = caf::to_string(category) + ": " + to_string(static_cast<Enum>(code));
  if (!context.empty()) text += " (" + caf::to_string(context) + ")";
  return text;
}

}  // namespace

void register_message_types(caf::actor_system_config& config) {
  config.add_message_type<member_summary>("troupe::member_summary")
      .add_message_type<role_set>("troupe::role_set")
      .add_message_type<component_kind>("troupe::component_kind")
      .add_message_type<published_actor>("troupe::published_actor")
      .add_message_type<heartbeat>("troupe::heartbeat")
      .add_message_type<member_info>("troupe::member_info")
      .add_message_type<component_status>("troupe::component_status")
      .add_message_type<key_value>("troupe::key_value")
      .add_message_type<range_request>("troupe::range_request")
      .add_message_type<range_response>("troupe::range_response")
      .add_message_type<txn_compare>("troupe::txn_compare")
      .add_message_type<txn_operation>("troupe::txn_operation")
      .add_message_type<txn_request>("troupe::txn_request")
      .add_message_type<txn_response>("troupe::txn_response")
      .add_message_type<txn_outcome>("troupe::txn_outcome")
      .add_message_type<replica_change>("troupe::replica_change")
      .add_message_type<store_members>("troupe::store_members")
      .add_message_type<txn_batch>("troupe::txn_batch")
      .add_message_type<txn_batch_outcome>("troupe::txn_batch_outcome")
      .add_message_type<watch_request>("troupe::watch_request")
      .add_message_type<watch_events>("troupe::watch_events")
      .add_message_type<raft_envelope>("troupe::raft_envelope")
      .add_message_type<api_request>("troupe::api_request")
      .add_message_type<api_response>("troupe::api_response")
      .add_message_type<api_watch_event>("troupe::api_watch_event")
      .add_message_type<std::vector<api_watch_event>>("std::vector<troupe::api_watch_event>")
      .add_message_type<api_actor>("troupe::api_actor")
      .add_message_type<store_watcher_actor>("troupe::store_watcher_actor")
      .add_message_type<store_replica_actor>("troupe::store_replica_actor")
      .add_message_type<store_client_actor>("troupe::store_client_actor")
      .add_message_type<api_watcher_actor>("troupe::api_watcher_actor")
      .add_message_type<membership_actor>("troupe::membership_actor");
  // CAF 0.17.6's add_error_category<T> template does not compile; register
  // renderers of the underlying signature instead.
  config.add_error_category(membership_error_category::value, render_error<membership_error>)
      .add_error_category(store_error_category::value, render_error<store_error>)
      .add_error_category(api_error_category::value, render_error<api_error>);
}

}  // namespace troupe
