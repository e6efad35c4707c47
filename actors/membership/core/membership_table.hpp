// The membership protocol's state machine: who is alive, whom to dial.
//
// Pure: no CAF, no clock, no I/O. The membership actor feeds it heartbeats,
// link losses, dial results and ticks, each with the current time in
// milliseconds, and carries out what it returns (dial these addresses,
// report these events). Connections and actor handles stay in the actor.
//
// Invariants:
//   1. A member is alive only after a heartbeat received directly from it,
//      and stays alive only while one arrives at least every failure timeout.
//      Digests (second-hand news) only add addresses to dial.
//   2. At most one entry per node name; the highest incarnation wins. A
//      heartbeat of a lower incarnation than the recorded one is stale.
//   3. The table holds at most settings.members_max members (self included)
//      and at most settings.members_max dial candidates.
//   4. Seed addresses are dialled until linked, forever, with backoff;
//      addresses learned from digests are dropped after candidate_ttl_ms
//      without mention. This node's own addresses are never dialled.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "actors/membership/core/membership_settings.hpp"
#include "messages/core/member_summary.hpp"
#include "net/core/endpoint.hpp"

namespace troupe::membership {

enum class member_event_kind : std::uint8_t { joined, restarted, departed };

std::string to_string(member_event_kind kind);

struct member_event {
  member_event_kind kind = member_event_kind::joined;
  member_summary member;
  std::string reason;  // why a member departed
};

struct heartbeat_outcome {
  bool accepted = false;
  std::string rejection;  // why it was dropped, when not accepted
  std::vector<member_event> events;
};

struct tick_effects {
  std::vector<net::endpoint> dial;
  std::vector<member_event> events;
};

class membership_table {
 public:
  membership_table(member_summary self, std::vector<net::endpoint> seeds,
                   membership_settings settings);

  // A heartbeat arrived directly from `sender`, listing `digest`.
  heartbeat_outcome on_heartbeat(const member_summary& sender,
                                 const std::vector<member_summary>& digest, std::int64_t now_ms);

  // The link to `name` was lost (the process died or the connection broke).
  // Departs the member if `incarnation` is the one recorded.
  std::optional<member_event> on_link_down(const std::string& name, std::uint64_t incarnation,
                                           std::int64_t now_ms);

  // A dial of `address` reached this very node: never dial it again.
  void on_dialed_self(const std::string& address);

  // A dial of `address` connected (resets its backoff) or failed.
  void on_dial_result(const std::string& address, bool connected, std::int64_t now_ms);

  // Departs silent members and lists the addresses due for a dial: known
  // addresses not in `linked` (connected or being dialled) whose backoff ran out.
  tick_effects tick(std::int64_t now_ms, const std::set<std::string>& linked);

  const member_summary& self() const { return self_; }
  // Alive members other than self, by name.
  std::vector<member_summary> alive() const;
  // Self followed by every alive member: what this node's heartbeats carry.
  std::vector<member_summary> digest() const;
  std::optional<member_summary> find(const std::string& name) const;
  // Time of the last direct heartbeat from `name`, if alive.
  std::optional<std::int64_t> last_heard_ms(const std::string& name) const;
  std::size_t candidate_count() const { return candidates_.size(); }

 private:
  struct member_entry {
    member_summary summary;
    std::int64_t last_heard_ms = 0;
  };
  struct candidate {
    net::endpoint endpoint;
    bool seed = false;
    std::int64_t last_mentioned_ms = 0;
    std::int64_t next_dial_ms = 0;
    std::int64_t backoff_ms = 0;
  };

  void remember_candidate(const member_summary& summary, std::int64_t now_ms);
  void depart_silent(std::int64_t now_ms, std::vector<member_event>& events);
  void expire_candidates(std::int64_t now_ms);
  bool is_alive_address(const std::string& address) const;

  member_summary self_;
  membership_settings settings_;
  std::map<std::string, member_entry> members_;
  std::map<std::string, candidate> candidates_;
  std::set<std::string> self_addresses_;
};

}  // namespace troupe::membership
