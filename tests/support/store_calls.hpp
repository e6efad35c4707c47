// Blocking store requests for tests: one request at a time through a scoped
// actor, to a store client or straight to a replica (both answer range and
// txn). Errors come back rendered, so a failed check prints them.
#pragma once

#include <caf/all.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <variant>

#include "messages/errors.hpp"
#include "messages/interfaces/store_replica_actor.hpp"

namespace troupe::testing {

template <class T>
using store_answer = std::variant<T, caf::error>;

template <class Handle, class T, class... Args>
store_answer<T> ask_store(caf::actor_system& system, const Handle& target,
                          std::chrono::milliseconds timeout, Args... args) {
  caf::scoped_actor self{system};
  store_answer<T> answer = caf::make_error(caf::sec::request_timeout);
  self->request(target, timeout, args...)
      .receive([&](T& value) { answer = std::move(value); },
               [&](caf::error& error) { answer = std::move(error); });
  return answer;
}

template <class Handle>
store_answer<txn_response> put(caf::actor_system& system, const Handle& target,
                               const std::string& key, const std::string& value,
                               std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  txn_request request;
  request.success.push_back({txn_operation::kind::put, key, "", value});
  return ask_store<Handle, txn_response>(system, target, timeout, txn_atom::value, request);
}

template <class Handle>
store_answer<range_response> get(caf::actor_system& system, const Handle& target,
                                 const std::string& key, bool serializable = false,
                                 std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  range_request request;
  request.key = key;
  request.serializable = serializable;
  return ask_store<Handle, range_response>(system, target, timeout, range_atom::value, request);
}

// Sends `actor` an exit when the scope ends, also when a REQUIRE throws: an
// actor system that stops waits for its running actors, so a test that left
// one running would hang instead of failing.
template <class Handle>
struct exit_at_scope_end {
  Handle actor;
  ~exit_at_scope_end() { caf::anon_send_exit(actor, caf::exit_reason::user_shutdown); }
};
template <class Handle>
exit_at_scope_end(Handle) -> exit_at_scope_end<Handle>;

// Whether `replica` answers its status as the leader (its detail begins
// "role leader", see actors/store/replica_actor.cpp).
inline bool is_leader(caf::actor_system& system, const store_replica_actor& replica) {
  caf::scoped_actor self{system};
  bool leading = false;
  self->request(replica, std::chrono::seconds(2), status_atom::value)
      .receive(
          [&](const component_status& status) {
            leading = status.detail.rfind("role leader", 0) == 0;
          },
          [](const caf::error&) {});
  return leading;
}

// The value of `key` in a successful range answer, or nothing.
inline std::optional<std::string> value_of(const store_answer<range_response>& answer) {
  auto* response = std::get_if<range_response>(&answer);
  if (!response || response->kvs.empty()) return std::nullopt;
  return response->kvs.front().value;
}

// One line for test output: the error, or the keys and revision read.
inline std::string describe(caf::actor_system& system, const store_answer<range_response>& answer) {
  if (auto* error = std::get_if<caf::error>(&answer)) return system.render(*error);
  const auto& response = std::get<range_response>(answer);
  std::string text = "revision " + std::to_string(response.revision) + ":";
  for (const auto& kv : response.kvs) text += " " + kv.key + "=" + kv.value;
  return text;
}

}  // namespace troupe::testing
