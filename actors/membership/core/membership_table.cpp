#include "actors/membership/core/membership_table.hpp"

#include <algorithm>
#include <cassert>

namespace troupe::membership {

std::string to_string(member_event_kind kind) {
  switch (kind) {
    case member_event_kind::joined:
      return "joined";
    case member_event_kind::restarted:
      return "restarted";
    case member_event_kind::departed:
      return "departed";
  }
  return "unknown";
}

membership_table::membership_table(member_summary self, std::vector<net::endpoint> seeds,
                                   membership_settings settings)
    : self_(std::move(self)), settings_(settings) {
  assert(!validate_member_summary(self_));
  assert(!settings_.validate());
  self_addresses_.insert(self_.address());
  for (auto& seed : seeds) {
    auto address = seed.to_string();
    if (self_addresses_.count(address) != 0 || candidates_.size() >= settings_.members_max)
      continue;
    candidates_[address] = candidate{seed, true, 0, 0, settings_.dial_backoff_min_ms};
  }
}

heartbeat_outcome membership_table::on_heartbeat(const member_summary& sender,
                                                 const std::vector<member_summary>& digest,
                                                 std::int64_t now_ms) {
  heartbeat_outcome outcome;
  if (auto error = validate_member_summary(sender)) {
    outcome.rejection = "invalid sender: " + *error;
    return outcome;
  }
  if (digest.size() > settings_.members_max) {
    outcome.rejection = "digest of " + std::to_string(digest.size()) + " members exceeds " +
                        std::to_string(settings_.members_max);
    return outcome;
  }
  if (sender.name == self_.name) {
    outcome.rejection = "node name \"" + sender.name + "\" is also used by " + sender.address();
    return outcome;
  }
  auto found = members_.find(sender.name);
  if (found == members_.end()) {
    if (members_.size() + 1 >= settings_.members_max) {
      outcome.rejection = "member table full (" + std::to_string(settings_.members_max) + ")";
      return outcome;
    }
    members_[sender.name] = member_entry{sender, now_ms};
    outcome.events.push_back({member_event_kind::joined, sender, {}});
  } else if (sender.incarnation < found->second.summary.incarnation) {
    outcome.rejection = "stale incarnation " + std::to_string(sender.incarnation) + " of " +
                        sender.name + " (current " +
                        std::to_string(found->second.summary.incarnation) + ")";
    return outcome;
  } else {
    if (sender.incarnation > found->second.summary.incarnation)
      outcome.events.push_back({member_event_kind::restarted, sender, {}});
    found->second = member_entry{sender, now_ms};
  }
  outcome.accepted = true;
  for (const auto& member : digest)
    if (!validate_member_summary(member) && member.name != self_.name)
      remember_candidate(member, now_ms);
  return outcome;
}

std::optional<member_event> membership_table::on_link_down(const std::string& name,
                                                           std::uint64_t incarnation,
                                                           std::int64_t now_ms) {
  auto found = members_.find(name);
  if (found == members_.end() || found->second.summary.incarnation != incarnation)
    return std::nullopt;
  member_event event{member_event_kind::departed, found->second.summary, "link lost"};
  remember_candidate(found->second.summary, now_ms);
  members_.erase(found);
  return event;
}

void membership_table::on_dialed_self(const std::string& address) {
  self_addresses_.insert(address);
  candidates_.erase(address);
}

void membership_table::on_dial_result(const std::string& address, bool connected,
                                      std::int64_t now_ms) {
  auto found = candidates_.find(address);
  if (found == candidates_.end()) return;
  auto& entry = found->second;
  if (connected) {
    entry.backoff_ms = settings_.dial_backoff_min_ms;
    return;
  }
  entry.next_dial_ms = now_ms + entry.backoff_ms;
  entry.backoff_ms = std::min(entry.backoff_ms * 2, settings_.dial_backoff_max_ms);
}

tick_effects membership_table::tick(std::int64_t now_ms, const std::set<std::string>& linked) {
  tick_effects effects;
  depart_silent(now_ms, effects.events);
  expire_candidates(now_ms);
  for (auto& [address, entry] : candidates_) {
    if (linked.count(address) != 0 || entry.next_dial_ms > now_ms) continue;
    // A failed dial reschedules itself via on_dial_result; this bounds the
    // rate even when results never arrive.
    entry.next_dial_ms = now_ms + std::max(entry.backoff_ms, settings_.dial_timeout_ms);
    effects.dial.push_back(entry.endpoint);
  }
  return effects;
}

std::vector<member_summary> membership_table::alive() const {
  std::vector<member_summary> result;
  result.reserve(members_.size());
  for (const auto& [name, entry] : members_) result.push_back(entry.summary);
  return result;
}

std::vector<member_summary> membership_table::digest() const {
  std::vector<member_summary> result{self_};
  for (const auto& [name, entry] : members_) result.push_back(entry.summary);
  return result;
}

std::optional<member_summary> membership_table::find(const std::string& name) const {
  if (name == self_.name) return self_;
  auto found = members_.find(name);
  if (found == members_.end()) return std::nullopt;
  return found->second.summary;
}

std::optional<std::int64_t> membership_table::last_heard_ms(const std::string& name) const {
  auto found = members_.find(name);
  if (found == members_.end()) return std::nullopt;
  return found->second.last_heard_ms;
}

void membership_table::remember_candidate(const member_summary& summary, std::int64_t now_ms) {
  auto address = summary.address();
  if (self_addresses_.count(address) != 0) return;
  auto found = candidates_.find(address);
  if (found != candidates_.end()) {
    found->second.last_mentioned_ms = now_ms;
    return;
  }
  if (candidates_.size() >= settings_.members_max) return;
  candidates_[address] = candidate{net::endpoint{summary.host, summary.port}, false, now_ms, now_ms,
                                   settings_.dial_backoff_min_ms};
}

void membership_table::depart_silent(std::int64_t now_ms, std::vector<member_event>& events) {
  for (auto it = members_.begin(); it != members_.end();) {
    auto silent_ms = now_ms - it->second.last_heard_ms;
    if (silent_ms <= settings_.failure_timeout_ms) {
      ++it;
      continue;
    }
    events.push_back({member_event_kind::departed, it->second.summary,
                      "no heartbeat for " + std::to_string(silent_ms) + " ms"});
    remember_candidate(it->second.summary, now_ms);
    it = members_.erase(it);
  }
}

void membership_table::expire_candidates(std::int64_t now_ms) {
  for (auto it = candidates_.begin(); it != candidates_.end();) {
    const auto& entry = it->second;
    bool expired = !entry.seed && !is_alive_address(it->first) &&
                   now_ms - entry.last_mentioned_ms > settings_.candidate_ttl_ms;
    it = expired ? candidates_.erase(it) : std::next(it);
  }
}

bool membership_table::is_alive_address(const std::string& address) const {
  return std::any_of(members_.begin(), members_.end(),
                     [&](const auto& item) { return item.second.summary.address() == address; });
}

}  // namespace troupe::membership
