// The membership table decides liveness and dialling from explicit inputs
// and times, so every rule is checked here deterministically.
#include <catch2/catch.hpp>

#include "actors/membership/core/membership_table.hpp"

using namespace troupe;
using namespace troupe::membership;

namespace {

member_summary node(const std::string& name, std::uint16_t port, std::uint64_t incarnation = 1) {
  return member_summary{name, "127.0.0.1", port, role_set::all(), incarnation};
}

membership_settings settings() {
  membership_settings result;
  result.heartbeat_interval_ms = 100;
  result.failure_timeout_ms = 1000;
  result.dial_timeout_ms = 200;
  result.dial_backoff_min_ms = 100;
  result.dial_backoff_max_ms = 800;
  result.candidate_ttl_ms = 3000;
  result.members_max = 8;
  return result;
}

std::vector<std::string> addresses(const std::vector<net::endpoint>& endpoints) {
  std::vector<std::string> result;
  for (const auto& endpoint : endpoints) result.push_back(endpoint.to_string());
  return result;
}

}  // namespace

TEST_CASE("seeds other than this node are dialled at the first tick", "[membership]") {
  membership_table table(node("a", 7001), {{"127.0.0.1", 7001}, {"127.0.0.1", 7002}}, settings());
  auto effects = table.tick(0, {});
  CHECK(addresses(effects.dial) == std::vector<std::string>{"127.0.0.1:7002"});
  CHECK(effects.events.empty());
}

TEST_CASE("a linked or recently dialled address is not dialled again", "[membership]") {
  membership_table table(node("a", 7001), {{"127.0.0.1", 7002}, {"127.0.0.1", 7003}}, settings());
  CHECK(table.tick(0, {"127.0.0.1:7002"}).dial.size() == 1);
  // 7003 was dialled at 0 and has no result yet: not again before the dial timeout.
  CHECK(table.tick(100, {"127.0.0.1:7002"}).dial.empty());
  CHECK(addresses(table.tick(200, {"127.0.0.1:7002"}).dial) ==
        std::vector<std::string>{"127.0.0.1:7003"});
}

TEST_CASE("failed dials back off exponentially up to the maximum, success resets", "[membership]") {
  membership_table table(node("a", 7001), {{"127.0.0.1", 7002}}, settings());
  std::vector<std::int64_t> dial_times;
  for (std::int64_t now = 0; now <= 4000; now += 10) {
    if (table.tick(now, {}).dial.empty()) continue;
    dial_times.push_back(now);
    table.on_dial_result("127.0.0.1:7002", false, now);
  }
  // Backoff 100, 200, 400, 800, 800, ... measured from each failure.
  REQUIRE(dial_times.size() >= 6);
  CHECK(dial_times[0] == 0);
  CHECK(dial_times[1] == 100);
  CHECK(dial_times[2] == 300);
  CHECK(dial_times[3] == 700);
  CHECK(dial_times[4] == 1500);
  CHECK(dial_times[5] == 2300);
  table.on_dial_result("127.0.0.1:7002", true, 4000);
  table.on_dial_result("127.0.0.1:7002", false, 4000);
  CHECK(table.tick(4100, {}).dial.size() == 1);
}

TEST_CASE("a dial that reaches this node itself is never repeated", "[membership]") {
  membership_table table(node("a", 7001), {{"localhost", 7001}}, settings());
  CHECK(table.tick(0, {}).dial.size() == 1);
  table.on_dialed_self("localhost:7001");
  CHECK(table.tick(10000, {}).dial.empty());
  CHECK(table.candidate_count() == 0);
}

TEST_CASE("a direct heartbeat makes a node a member and reports it once", "[membership]") {
  membership_table table(node("a", 7001), {}, settings());
  auto first = table.on_heartbeat(node("b", 7002), {node("b", 7002)}, 0);
  REQUIRE(first.accepted);
  REQUIRE(first.events.size() == 1);
  CHECK(first.events[0].kind == member_event_kind::joined);
  CHECK(first.events[0].member.name == "b");
  auto second = table.on_heartbeat(node("b", 7002), {}, 50);
  CHECK(second.accepted);
  CHECK(second.events.empty());
  CHECK(table.alive().size() == 1);
  CHECK(table.last_heard_ms("b") == 50);
  CHECK(table.digest().size() == 2);
  CHECK(table.digest().front().name == "a");
}

TEST_CASE("a member silent for longer than the failure timeout departs, not earlier",
          "[membership]") {
  membership_table table(node("a", 7001), {}, settings());
  table.on_heartbeat(node("b", 7002), {}, 0);
  CHECK(table.tick(1000, {}).events.empty());
  auto effects = table.tick(1001, {});
  REQUIRE(effects.events.size() == 1);
  CHECK(effects.events[0].kind == member_event_kind::departed);
  CHECK(effects.events[0].reason == "no heartbeat for 1001 ms");
  CHECK(table.alive().empty());
  // Its address stays a dial candidate so that it can come back.
  CHECK(addresses(effects.dial) == std::vector<std::string>{"127.0.0.1:7002"});
}

TEST_CASE("a digest only adds addresses to dial, never members", "[membership]") {
  membership_table table(node("a", 7001), {}, settings());
  table.on_heartbeat(node("b", 7002), {node("b", 7002), node("c", 7003), node("a", 7001)}, 0);
  CHECK(table.alive().size() == 1);
  auto effects = table.tick(10, {"127.0.0.1:7002"});
  CHECK(addresses(effects.dial) == std::vector<std::string>{"127.0.0.1:7003"});
}

TEST_CASE("addresses learned from digests expire without mention; seeds never do", "[membership]") {
  membership_table table(node("a", 7001), {{"127.0.0.1", 7009}}, settings());
  table.on_heartbeat(node("b", 7002), {node("c", 7003)}, 0);
  CHECK(table.candidate_count() == 2);  // the seed and c
  // b falls silent and departs at 2000; its address is remembered from then.
  CHECK(table.tick(2000, {"127.0.0.1:7002"}).events.size() == 1);
  CHECK(table.candidate_count() == 3);
  table.tick(3001, {});  // c, last mentioned at 0, outlived the 3000 ms ttl
  CHECK(table.candidate_count() == 2);
  table.tick(5001, {});  // b, remembered at 2000, too
  CHECK(table.candidate_count() == 1);
  CHECK(addresses(table.tick(100000, {}).dial) == std::vector<std::string>{"127.0.0.1:7009"});
}

TEST_CASE("a higher incarnation is a restart; a lower one is stale", "[membership]") {
  membership_table table(node("a", 7001), {}, settings());
  table.on_heartbeat(node("b", 7002, 5), {}, 0);
  auto restarted = table.on_heartbeat(node("b", 7002, 6), {}, 10);
  REQUIRE(restarted.events.size() == 1);
  CHECK(restarted.events[0].kind == member_event_kind::restarted);
  auto stale = table.on_heartbeat(node("b", 7002, 5), {}, 20);
  CHECK_FALSE(stale.accepted);
  CHECK(stale.rejection == "stale incarnation 5 of b (current 6)");
  CHECK(table.find("b")->incarnation == 6);
}

TEST_CASE("a lost link departs the member only for the incarnation it belonged to",
          "[membership]") {
  membership_table table(node("a", 7001), {}, settings());
  table.on_heartbeat(node("b", 7002, 6), {}, 0);
  CHECK_FALSE(table.on_link_down("b", 5, 10));
  auto event = table.on_link_down("b", 6, 10);
  REQUIRE(event);
  CHECK(event->kind == member_event_kind::departed);
  CHECK(event->reason == "link lost");
  CHECK(table.alive().empty());
}

TEST_CASE("invalid, conflicting and excess heartbeats are refused", "[membership]") {
  membership_table table(node("a", 7001), {}, settings());
  auto invalid = table.on_heartbeat(node("Bad_Name", 7002), {}, 0);
  CHECK_FALSE(invalid.accepted);
  CHECK(invalid.rejection.find("invalid sender: name:") == 0);
  auto same_name = table.on_heartbeat(node("a", 7009), {}, 0);
  CHECK_FALSE(same_name.accepted);
  CHECK(same_name.rejection == "node name \"a\" is also used by 127.0.0.1:7009");
  std::vector<member_summary> huge(9, node("x", 7100));
  auto oversized = table.on_heartbeat(node("b", 7002), huge, 0);
  CHECK_FALSE(oversized.accepted);
  CHECK(oversized.rejection == "digest of 9 members exceeds 8");
  for (std::uint16_t i = 0; i < 7; ++i)
    CHECK(table.on_heartbeat(node("n" + std::to_string(i), 7200 + i), {}, 0).accepted);
  auto full = table.on_heartbeat(node("n7", 7300), {}, 0);
  CHECK_FALSE(full.accepted);
  CHECK(full.rejection == "member table full (8)");
  CHECK(table.alive().size() == 7);
}

TEST_CASE("membership settings name the offending field", "[membership]") {
  auto check = [](auto mutate, const std::string& prefix) {
    auto value = settings();
    mutate(value);
    auto error = value.validate();
    REQUIRE(error);
    CHECK(error->rfind(prefix, 0) == 0);
  };
  CHECK_FALSE(settings().validate());
  check([](auto& s) { s.heartbeat_interval_ms = 1; }, "membership.heartbeat-interval-ms:");
  check([](auto& s) { s.failure_timeout_ms = 200; }, "membership.failure-timeout-ms:");
  check([](auto& s) { s.dial_timeout_ms = 0; }, "membership.dial-timeout-ms:");
  check([](auto& s) { s.candidate_ttl_ms = 10; }, "membership.candidate-ttl-ms:");
  check([](auto& s) { s.members_max = 5000; }, "membership.members-max:");
}
