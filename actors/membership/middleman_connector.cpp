#include "actors/membership/middleman_connector.hpp"

#include <caf/all.hpp>
#include <caf/io/all.hpp>

#include "messages/errors.hpp"

namespace troupe::membership {

namespace {

connector_actor::behavior_type middleman_connector(connector_actor::pointer self,
                                                   caf::io::middleman_actor network) {
  return {
      [=](dial_atom, const std::string& host,
          std::uint16_t port) -> caf::result<caf::strong_actor_ptr> {
        auto promise = self->make_response_promise<caf::strong_actor_ptr>();
        auto expected = self->home_system().message_types<membership_actor>();
        // The caller bounds the whole dial with its own request timeout.
        self->request(network, caf::infinite, caf::connect_atom::value, host, port)
            .then(
                [=](caf::node_id&, caf::strong_actor_ptr& handle,
                    std::set<std::string>& interface) mutable {
                  if (!handle || interface != expected) {
                    promise.deliver(make_error(membership_error::wrong_interface));
                    return;
                  }
                  promise.deliver(std::move(handle));
                },
                [=](caf::error& error) mutable {
                  promise.deliver(caf::error(make_error(membership_error::unreachable).code(),
                                             membership_error_category::value,
                                             caf::make_message(self->system().render(error))));
                });
        return promise;
      },
  };
}

}  // namespace

connector_actor spawn_middleman_connector(caf::actor_system& system,
                                          caf::io::middleman_actor network) {
  return system.spawn(middleman_connector, std::move(network));
}

}  // namespace troupe::membership
