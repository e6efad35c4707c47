// An in-memory directory of membership actors by "host:port", and a connector
// that dials through it. Lets several hosts share one actor system (no
// sockets) while running exactly the same membership actor as over the
// network. Thread-safe: hosts register and unregister from any thread.
#pragma once

#include <caf/actor_system.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "messages/interfaces/membership_actor.hpp"

namespace troupe::membership {

class address_book {
 public:
  void add(const std::string& address, caf::strong_actor_ptr handle);
  void remove(const std::string& address);
  caf::strong_actor_ptr lookup(const std::string& address) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::string, caf::strong_actor_ptr> entries_;
};

connector_actor spawn_address_book_connector(caf::actor_system& system,
                                             std::shared_ptr<const address_book> book);

}  // namespace troupe::membership
