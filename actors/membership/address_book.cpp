#include "actors/membership/address_book.hpp"

#include <caf/all.hpp>

#include "messages/errors.hpp"
#include "net/core/endpoint.hpp"

namespace troupe::membership {

void address_book::add(const std::string& address, caf::strong_actor_ptr handle) {
  std::lock_guard<std::mutex> guard(mutex_);
  entries_[address] = std::move(handle);
}

void address_book::remove(const std::string& address) {
  std::lock_guard<std::mutex> guard(mutex_);
  entries_.erase(address);
}

caf::strong_actor_ptr address_book::lookup(const std::string& address) const {
  std::lock_guard<std::mutex> guard(mutex_);
  auto found = entries_.find(address);
  return found == entries_.end() ? nullptr : found->second;
}

namespace {

connector_actor::behavior_type address_book_connector(connector_actor::pointer,
                                                      std::shared_ptr<const address_book> book) {
  return {
      [book](dial_atom, const std::string& host,
             std::uint16_t port) -> caf::result<caf::strong_actor_ptr> {
        if (auto handle = book->lookup(net::endpoint{host, port}.to_string())) return handle;
        return make_error(membership_error::unreachable);
      },
  };
}

}  // namespace

connector_actor spawn_address_book_connector(caf::actor_system& system,
                                             std::shared_ptr<const address_book> book) {
  // Passed as a spawn argument, not captured: CAF 0.17 dereferences a null
  // argument tuple when a function actor is spawned without arguments.
  return system.spawn(address_book_connector, std::move(book));
}

}  // namespace troupe::membership
