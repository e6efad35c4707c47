#include "actors/membership/membership_actor.hpp"

#include <caf/all.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "actors/membership/core/membership_table.hpp"
#include "messages/errors.hpp"

namespace troupe::membership {

namespace {

struct membership_state {
  membership_config config;
  // Engaged by membership_behavior; optional only because CAF default-
  // constructs actor state before the behaviour receives its arguments.
  std::optional<membership_table> table;
  // Peer membership actors by the address they were reached at. Several
  // addresses (a seed alias and the advertised address) may share a handle.
  std::map<std::string, membership_actor> links;
  std::set<std::string> dialing;
  // What each alive peer publishes, from its latest heartbeat.
  std::map<std::string, std::vector<published_actor>> published;
  // What this node publishes, its membership actor first.
  std::vector<published_actor> local;
  bool isolated = false;
};

using self_pointer = membership_actor::stateful_pointer<membership_state>;

std::int64_t now_ms(self_pointer self) {
  auto since_epoch = self->clock().now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch).count();
}

std::chrono::milliseconds ms(std::int64_t value) {
  return std::chrono::milliseconds(value);
}

void report(self_pointer self, const std::string& line) {
  if (self->state.config.on_event) self->state.config.on_event(line);
}

void report_event(self_pointer self, const member_event& event) {
  auto line = self->state.table->self().name + ": " + event.member.name + " " +
              to_string(event.kind) + " (" + event.member.address() + ", roles " +
              to_string(event.member.roles) + ")";
  if (!event.reason.empty()) line += ": " + event.reason;
  report(self, line);
}

void forget_departed(self_pointer self, const member_event& event) {
  if (event.kind != member_event_kind::departed) return;
  self->state.published.erase(event.member.name);
}

// Validates what the table cannot see: the published actors and their handles.
std::optional<std::string> validate_actors(const heartbeat& message) {
  if (message.actors.size() > published_actors_max)
    return "publishes " + std::to_string(message.actors.size()) + " actors (max " +
           std::to_string(published_actors_max) + ")";
  bool has_membership = false;
  for (const auto& actor : message.actors) {
    if (!actor.handle) return "published actor without a handle";
    if (actor.name.size() > published_name_bytes_max) return "published actor name too long";
    has_membership = has_membership || actor.kind == component_kind::membership;
  }
  if (!has_membership) return "no membership actor published";
  return std::nullopt;
}

heartbeat make_heartbeat(self_pointer self) {
  return heartbeat{self->state.table->self(), self->state.local, self->state.table->digest()};
}

void send_heartbeats(self_pointer self) {
  auto message = make_heartbeat(self);
  std::set<caf::actor_addr> sent;
  for (auto& [address, link] : self->state.links)
    if (sent.insert(link.address()).second) self->send(link, heartbeat_atom::value, message);
}

void add_link(self_pointer self, const std::string& address, const membership_actor& link) {
  auto& slot = self->state.links[address];
  if (slot == link) return;
  slot = link;
  self->monitor(link);
}

void dial(self_pointer self, const net::endpoint& endpoint) {
  auto address = endpoint.to_string();
  self->state.dialing.insert(address);
  self->request(self->state.config.connector, ms(self->state.config.settings.dial_timeout_ms),
                dial_atom::value, endpoint.host, endpoint.port)
      .then(
          [=](caf::strong_actor_ptr& handle) {
            self->state.dialing.erase(address);
            if (handle == self->ctrl()) {
              self->state.table->on_dialed_self(address);
              return;
            }
            self->state.table->on_dial_result(address, true, now_ms(self));
            auto link = caf::actor_cast<membership_actor>(std::move(handle));
            add_link(self, address, link);
            if (!self->state.isolated)
              self->send(link, heartbeat_atom::value, make_heartbeat(self));
          },
          [=](caf::error&) {
            self->state.dialing.erase(address);
            self->state.table->on_dial_result(address, false, now_ms(self));
          });
}

void on_tick(self_pointer self) {
  auto& state = self->state;
  std::set<std::string> linked = state.dialing;
  for (auto& [address, link] : state.links) linked.insert(address);
  auto effects = state.table->tick(now_ms(self), linked);
  for (auto& event : effects.events) {
    forget_departed(self, event);
    report_event(self, event);
  }
  if (!state.isolated) {
    for (auto& endpoint : effects.dial) dial(self, endpoint);
    send_heartbeats(self);
  }
  self->delayed_send(self, ms(state.config.settings.heartbeat_interval_ms), tick_atom::value);
}

void on_heartbeat(self_pointer self, heartbeat& message) {
  auto& state = self->state;
  if (state.isolated) return;
  if (auto error = validate_actors(message)) {
    report(self, state.table->self().name + ": dropped heartbeat of " + message.sender.name + ": " +
                     *error);
    return;
  }
  auto outcome = state.table->on_heartbeat(message.sender, message.digest, now_ms(self));
  if (!outcome.accepted) {
    report(self, state.table->self().name + ": dropped heartbeat: " + outcome.rejection);
    return;
  }
  for (auto& actor : message.actors) {
    actor.node = message.sender.name;
    if (actor.kind == component_kind::membership)
      add_link(self, message.sender.address(), caf::actor_cast<membership_actor>(actor.handle));
  }
  state.published[message.sender.name] = std::move(message.actors);
  for (auto& event : outcome.events) report_event(self, event);
}

void on_down(self_pointer self, const caf::down_msg& down) {
  auto& state = self->state;
  for (auto it = state.links.begin(); it != state.links.end();)
    it = it->second.address() == down.source ? state.links.erase(it) : std::next(it);
  for (auto& [name, actors] : state.published) {
    bool was_membership = std::any_of(actors.begin(), actors.end(), [&](const auto& actor) {
      return actor.kind == component_kind::membership &&
             caf::actor_cast<caf::actor_addr>(actor.handle) == down.source;
    });
    if (!was_membership) continue;
    auto summary = state.table->find(name);
    if (!summary) break;
    if (auto event = state.table->on_link_down(name, summary->incarnation, now_ms(self))) {
      forget_departed(self, *event);
      report_event(self, *event);
    }
    break;
  }
}

std::vector<member_info> list_members(self_pointer self) {
  auto& state = self->state;
  auto now = now_ms(self);
  auto describe = [](const std::vector<published_actor>& actors) {
    std::vector<std::string> names;
    for (const auto& actor : actors) {
      auto text = std::string(to_string(actor.kind));
      if (!actor.name.empty()) text += "/" + actor.name;
      names.push_back(std::move(text));
    }
    return names;
  };
  std::vector<member_info> result{{state.table->self(), true, 0, describe(state.local)}};
  for (const auto& member : state.table->alive()) {
    auto heard = state.table->last_heard_ms(member.name).value_or(now);
    result.push_back({member, false, now - heard, describe(state.published[member.name])});
  }
  return result;
}

std::vector<published_actor> find_kind(self_pointer self, component_kind kind) {
  std::vector<published_actor> result;
  auto collect = [&](const std::vector<published_actor>& actors) {
    for (const auto& actor : actors)
      if (actor.kind == kind) result.push_back(actor);
  };
  collect(self->state.local);
  for (const auto& [name, actors] : self->state.published) collect(actors);
  return result;
}

membership_actor::behavior_type membership_behavior(self_pointer self, membership_config config) {
  auto& state = self->state;
  state.table.emplace(config.self, config.seeds, config.settings);
  state.config = std::move(config);
  state.local.push_back(published_actor{component_kind::membership,
                                        {},
                                        state.table->self().name,
                                        caf::actor_cast<caf::strong_actor_ptr>(self)});
  self->set_down_handler([=](caf::down_msg& down) { on_down(self, down); });
  self->send(self, tick_atom::value);
  return {
      [=](heartbeat_atom, heartbeat& message) { on_heartbeat(self, message); },
      [=](tick_atom) { on_tick(self); },
      [=](members_atom) { return list_members(self); },
      [=](find_atom, component_kind kind) { return find_kind(self, kind); },
      [=](find_atom, component_kind kind, const std::string& node) -> caf::result<published_actor> {
        for (auto& actor : find_kind(self, kind))
          if (actor.node == node) return actor;
        return make_error(membership_error::not_found);
      },
      [=](announce_atom, published_actor& actor) -> caf::result<std::size_t> {
        auto& local = self->state.local;
        if (local.size() >= published_actors_max || !actor.handle ||
            actor.name.size() > published_name_bytes_max)
          return make_error(membership_error::invalid_record);
        actor.node = self->state.table->self().name;
        local.push_back(std::move(actor));
        return local.size();
      },
      [=](isolate_atom, bool isolated) {
        self->state.isolated = isolated;
        report(self, self->state.table->self().name + (isolated ? ": isolated" : ": reconnected"));
      },
      [=](status_atom) {
        auto count = self->state.table->alive().size() + 1;
        return component_status{component_kind::membership, self->state.table->self().name, true,
                                std::to_string(count) + " members"};
      },
  };
}

}  // namespace

membership_actor spawn_membership(caf::actor_system& system, membership_config config) {
  return system.spawn(membership_behavior, std::move(config));
}

}  // namespace troupe::membership
