// The membership actor on CAF's deterministic test_coordinator: simulated
// time, every message delivered by the test. Three nodes share one actor
// system and dial each other through an address book.
#include "tests/support/caf_catch.hpp"

#include <map>
#include <set>

#include "actors/membership/address_book.hpp"
#include "actors/membership/membership_actor.hpp"
#include "messages/errors.hpp"
#include "messages/type_registry.hpp"

using namespace troupe;
using namespace troupe::membership;
using namespace std::chrono_literals;

namespace {

struct troupe_test_config : caf::actor_system_config {
  troupe_test_config() { register_message_types(*this); }
};

membership_settings fast_settings() {
  membership_settings settings;
  settings.heartbeat_interval_ms = 100;
  settings.failure_timeout_ms = 500;
  settings.dial_timeout_ms = 200;
  settings.dial_backoff_min_ms = 100;
  settings.dial_backoff_max_ms = 400;
  settings.candidate_ttl_ms = 2000;
  return settings;
}

struct membership_fixture : test_coordinator_fixture<troupe_test_config> {
  std::shared_ptr<address_book> book = std::make_shared<address_book>();
  connector_actor connector = spawn_address_book_connector(sys, book);
  std::map<std::string, membership_actor> nodes;
  std::vector<std::string> log;
  std::uint64_t next_incarnation = 1;

  ~membership_fixture() override {
    for (auto& [name, node] : nodes) caf::anon_send_exit(node, caf::exit_reason::user_shutdown);
    caf::anon_send_exit(connector, caf::exit_reason::user_shutdown);
    sched.run();
  }

  // Starts node `name` on port `port`, seeded with node "a" (port 7001).
  void start(const std::string& name, std::uint16_t port) {
    member_summary self{name, "10.0.0.1", port, role_set::all(), next_incarnation++};
    auto node = spawn_membership(
        sys, membership_config{self,
                               {{"10.0.0.1", 7001}},
                               fast_settings(),
                               connector,
                               [this](const std::string& line) { log.push_back(line); }});
    book->add(self.address(), caf::actor_cast<caf::strong_actor_ptr>(node));
    nodes[name] = node;
    sched.run();
  }

  void kill(const std::string& name, std::uint16_t port) {
    book->remove("10.0.0.1:" + std::to_string(port));
    caf::anon_send_exit(nodes.at(name), caf::exit_reason::kill);
    nodes.erase(name);
    sched.run();
  }

  // Advances simulated time in 10 ms steps, delivering every message.
  void step(std::chrono::milliseconds duration) {
    for (auto elapsed = 0ms; elapsed < duration; elapsed += 10ms) {
      advance_time(10ms);
      sched.run();
    }
  }

  template <class... Ts>
  auto ask(const membership_actor& node, Ts... xs) {
    auto handle = self->request(node, caf::infinite, xs...);
    sched.run();
    return handle;
  }

  std::vector<member_info> members_of(const std::string& name) {
    std::vector<member_info> result;
    ask(nodes.at(name), members_atom::value)
        .receive([&](std::vector<member_info>& members) { result = std::move(members); },
                 [&](caf::error& error) { FAIL(sys.render(error)); });
    return result;
  }

  std::set<std::string> names_seen_by(const std::string& name) {
    std::set<std::string> result;
    for (const auto& member : members_of(name)) result.insert(member.summary.name);
    return result;
  }
};

const std::set<std::string> all_three{"a", "b", "c"};

}  // namespace

TEST_CASE_METHOD(membership_fixture, "nodes join through a seed and learn each other from digests",
                 "[membership][actor]") {
  start("a", 7001);
  start("b", 7002);
  start("c", 7003);
  // b and c only know the seed a; they learn of each other from a's digest.
  step(300ms);
  CHECK(names_seen_by("a") == all_three);
  CHECK(names_seen_by("b") == all_three);
  CHECK(names_seen_by("c") == all_three);
  auto members = members_of("b");
  CHECK(members.front().self);
  CHECK(members.front().summary.name == "b");
  CHECK(members.front().published == std::vector<std::string>{"membership"});
}

TEST_CASE_METHOD(membership_fixture, "a joining node waits for a seed that starts later",
                 "[membership][actor]") {
  start("b", 7002);
  step(1000ms);
  CHECK(names_seen_by("b") == std::set<std::string>{"b"});
  start("a", 7001);
  step(500ms);  // b's backoff is at most 400 ms
  CHECK(names_seen_by("b") == std::set<std::string>{"a", "b"});
  CHECK(names_seen_by("a") == std::set<std::string>{"a", "b"});
}

TEST_CASE_METHOD(membership_fixture,
                 "a silent node departs after the failure timeout, not before, and rejoins",
                 "[membership][actor]") {
  start("a", 7001);
  start("b", 7002);
  start("c", 7003);
  step(300ms);
  caf::anon_send(nodes.at("c"), isolate_atom::value, true);
  sched.run();
  step(400ms);  // below the 500 ms timeout
  CHECK(names_seen_by("a") == all_three);
  step(300ms);  // the timeout plus at most one tick has passed
  CHECK(names_seen_by("a") == std::set<std::string>{"a", "b"});
  CHECK(names_seen_by("b") == std::set<std::string>{"a", "b"});
  CHECK(names_seen_by("c") == std::set<std::string>{"c"});
  const std::string departure =
      "a: c departed (10.0.0.1:7003, roles store,control,worker): "
      "no heartbeat for ";
  CHECK(std::count_if(log.begin(), log.end(),
                      [&](const std::string& line) { return line.rfind(departure, 0) == 0; }) == 1);
  caf::anon_send(nodes.at("c"), isolate_atom::value, false);
  sched.run();
  step(200ms);
  CHECK(names_seen_by("a") == all_three);
  CHECK(names_seen_by("c") == all_three);
}

TEST_CASE_METHOD(membership_fixture, "a killed node departs at once and a restart rejoins",
                 "[membership][actor]") {
  start("a", 7001);
  start("b", 7002);
  start("c", 7003);
  step(300ms);
  auto old_incarnation = members_of("c").front().summary.incarnation;
  kill("c", 7003);
  // The down message arrives without any time passing.
  CHECK(names_seen_by("a") == std::set<std::string>{"a", "b"});
  CHECK(names_seen_by("b") == std::set<std::string>{"a", "b"});
  start("c", 7003);
  step(300ms);
  CHECK(names_seen_by("a") == all_three);
  for (const auto& member : members_of("a"))
    if (member.summary.name == "c") CHECK(member.summary.incarnation > old_incarnation);
}

TEST_CASE_METHOD(membership_fixture, "the registry finds published actors by kind and node",
                 "[membership][actor]") {
  start("a", 7001);
  start("b", 7002);
  // CAF 0.17 needs at least one spawn argument (see address_book.cpp).
  auto kubelet = sys.spawn(
      [](int offset) -> caf::behavior { return {[offset](int x) { return x + offset; }}; }, 0);
  std::size_t count = 0;
  ask(nodes.at("b"), announce_atom::value,
      published_actor{
          component_kind::kubelet, {}, {}, caf::actor_cast<caf::strong_actor_ptr>(kubelet)})
      .receive([&](std::size_t published) { count = published; },
               [&](caf::error& error) { FAIL(sys.render(error)); });
  CHECK(count == 2);
  step(200ms);
  std::vector<published_actor> kubelets;
  ask(nodes.at("a"), find_atom::value, component_kind::kubelet)
      .receive([&](std::vector<published_actor>& found) { kubelets = std::move(found); },
               [&](caf::error& error) { FAIL(sys.render(error)); });
  REQUIRE(kubelets.size() == 1);
  CHECK(kubelets[0].node == "b");
  CHECK(kubelets[0].handle == caf::actor_cast<caf::strong_actor_ptr>(kubelet));

  caf::error missing;
  ask(nodes.at("a"), find_atom::value, component_kind::kubelet, std::string("a"))
      .receive([&](published_actor&) { FAIL("found a kubelet on a"); },
               [&](caf::error& error) { missing = error; });
  CHECK(missing == make_error(membership_error::not_found));
  caf::anon_send_exit(kubelet, caf::exit_reason::user_shutdown);
}
