// Raft behaviours one at a time, on a hand-driven network: the test decides
// which links work and when time passes, then checks one property. (The
// randomized simulation in raft_sim_test.cpp checks safety broadly.)
#include <catch2/catch.hpp>

#include <deque>
#include <map>
#include <memory>
#include <set>

#include "actors/store/core/raft.hpp"

using namespace troupe;
using namespace troupe::store::raft;

namespace {

raft_settings small_settings() {
  raft_settings settings;
  settings.election_ticks = 10;
  settings.heartbeat_ticks = 1;
  return settings;
}

storage::command_bytes bytes(const std::string& text) {
  return storage::command_bytes(text.begin(), text.end());
}

class network {
 public:
  network(std::vector<std::string> voters, std::vector<std::string> others = {},
          raft_settings settings = small_settings()) {
    configuration bootstrap;
    bootstrap.voters.insert(voters.begin(), voters.end());
    auto all = voters;
    all.insert(all.end(), others.begin(), others.end());
    std::uint64_t seed = 1;
    for (const auto& name : all) {
      persisted_state persisted;
      persisted.bootstrap = bootstrap;
      nodes_[name] = std::make_unique<node>(name, persisted, settings, seed++);
    }
  }

  node& at(const std::string& name) { return *nodes_.at(name); }

  // Blocks (or unblocks) every link between `name` and the others.
  void isolate(const std::string& name, bool isolated = true) {
    if (isolated)
      isolated_.insert(name);
    else
      isolated_.erase(name);
  }

  // Hands out every ready batch and delivers every message until quiet.
  void flush() {
    for (int round = 0; round < 1000; ++round) {
      bool busy = false;
      for (auto& [name, raft] : nodes_) {
        while (raft->has_ready()) {
          busy = true;
          auto batch = raft->take_ready();
          if (batch.snapshot) ++snapshots_[name];
          for (const auto& read : batch.reads) reads_[name].push_back(read);
          if (!batch.committed.empty()) applied_[name] = batch.committed.back().index;
          for (auto& outgoing : batch.messages) messages_.push_back(std::move(outgoing));
          raft->advance(batch);
        }
      }
      while (!messages_.empty()) {
        busy = true;
        auto next = std::move(messages_.front());
        messages_.pop_front();
        if (isolated_.count(next.from) || isolated_.count(next.to)) continue;
        nodes_.at(next.to)->step(next);
      }
      if (!busy) return;
    }
    FAIL("the network did not quiesce");
  }

  void tick(const std::string& name, int times = 1) {
    for (int i = 0; i < times; ++i) {
      at(name).tick();
      flush();
    }
  }

  void tick_all(int times) {
    for (int i = 0; i < times; ++i) {
      for (auto& [name, raft] : nodes_) raft->tick();
      flush();
    }
  }

  // Lets `name` time out and campaign (others do not tick).
  void elect(const std::string& name) {
    tick(name, 2 * static_cast<int>(small_settings().election_ticks));
    REQUIRE(at(name).current_role() == role::leader);
  }

  std::size_t snapshots(const std::string& name) { return snapshots_[name]; }
  const std::vector<read_state>& reads(const std::string& name) { return reads_[name]; }

 private:
  std::map<std::string, std::unique_ptr<node>> nodes_;
  std::deque<message> messages_;
  std::set<std::string> isolated_;
  std::map<std::string, std::size_t> snapshots_;
  std::map<std::string, std::vector<read_state>> reads_;
  std::map<std::string, std::uint64_t> applied_;
};

}  // namespace

TEST_CASE("a single voter elects itself and commits alone", "[raft]") {
  network net({"a"});
  net.elect("a");
  REQUIRE_FALSE(net.at("a").propose(bytes("x"), {1, 1}));
  net.flush();
  CHECK(net.at("a").log().committed() == 2);  // the leader's no-op and the proposal
}

TEST_CASE("three voters elect one leader that replicates and commits on all", "[raft]") {
  network net({"a", "b", "c"});
  net.elect("a");
  CHECK(net.at("b").leader() == "a");
  REQUIRE_FALSE(net.at("a").propose(bytes("x"), {1, 1}));
  net.flush();
  net.tick("a");  // a heartbeat carries the new commit index
  for (auto name : {"a", "b", "c"}) CHECK(net.at(name).log().committed() == 2);
  CHECK(net.at("b").propose(bytes("y"), {1, 2}) == raft_error::not_leader);
}

namespace {

// Takes `raft`'s ready batch (durable at once) and returns its messages.
std::vector<message> hand_out(node& raft) {
  auto batch = raft.take_ready();
  raft.advance(batch);
  return batch.messages;
}

std::vector<message> of_type(const std::vector<message>& all, message_type type,
                             const std::string& to) {
  std::vector<message> found;
  for (const auto& m : all)
    if (m.type == type && m.to == to) found.push_back(m);
  return found;
}

}  // namespace

TEST_CASE("a follower acknowledges the appends of one batch with one response", "[raft]") {
  network net({"a", "b", "c"});
  net.elect("a");
  auto& leader = net.at("a");
  auto& follower = net.at("b");
  std::vector<message> appends;
  for (std::uint64_t i = 1; i <= 3; ++i) {
    REQUIRE_FALSE(leader.propose(bytes("x"), {1, i}));
    auto sent = of_type(hand_out(leader), message_type::append, "b");
    REQUIRE(sent.size() == 1);
    appends.push_back(sent.front());
  }
  for (const auto& append : appends) follower.step(append);
  auto acks = of_type(hand_out(follower), message_type::append_response, "a");
  REQUIRE(acks.size() == 1);
  CHECK_FALSE(acks.front().reject);
  CHECK(acks.front().index == appends.back().entries.back().index);
}

TEST_CASE("a leader answers the responses of one batch with one append per follower", "[raft]") {
  network net({"a", "b", "c"});
  net.elect("a");
  auto& leader = net.at("a");
  REQUIRE_FALSE(leader.propose(bytes("x"), {1, 1}));
  hand_out(leader);  // the leader's copy is durable: one acknowledgement commits
  auto last = leader.log().last_index();
  auto ack = [&](const std::string& from) {
    leader.step(message{.type = message_type::append_response,
                        .from = from,
                        .to = "a",
                        .term = leader.term(),
                        .index = last});
  };
  // Between two batches: a proposal, b's acknowledgement (which commits),
  // another proposal, c's acknowledgement.
  REQUIRE_FALSE(leader.propose(bytes("y"), {1, 2}));
  ack("b");
  CHECK(leader.log().committed() == last);
  REQUIRE_FALSE(leader.propose(bytes("z"), {1, 3}));
  ack("c");
  auto sent = hand_out(leader);
  for (auto name : {"b", "c"}) {
    auto appends = of_type(sent, message_type::append, name);
    REQUIRE(appends.size() == 1);  // both new entries and the commit news together
    CHECK(appends.front().commit == last);
    REQUIRE(appends.front().entries.size() == 2);
    CHECK(appends.front().entries.front().index == last + 1);
  }
}

TEST_CASE("a partitioned leader steps down after check-quorum", "[raft]") {
  network net({"a", "b", "c"});
  net.elect("a");
  net.isolate("a");
  net.tick("a", 9);  // less than an election timeout: still leading
  CHECK(net.at("a").current_role() == role::leader);
  // Activity is sampled once per election timeout, so a leader notices
  // within two (as etcd-raft's check-quorum).
  net.tick("a", 11);
  CHECK(net.at("a").current_role() == role::follower);
}

TEST_CASE("pre-vote keeps a rejoining partitioned follower from disrupting the leader", "[raft]") {
  network net({"a", "b", "c"});
  net.elect("a");
  auto term = net.at("a").term();
  net.isolate("c");
  net.tick("c", 100);  // many failed pre-votes, no term increase
  CHECK(net.at("c").term() == term);
  net.isolate("c", false);
  net.tick_all(5);
  CHECK(net.at("a").current_role() == role::leader);
  CHECK(net.at("a").term() == term);
  CHECK(net.at("c").leader() == "a");
}

TEST_CASE("leadership transfer hands over to an up-to-date follower", "[raft]") {
  network net({"a", "b", "c"});
  net.elect("a");
  auto term = net.at("a").term();
  net.at("a").transfer_leadership("b");
  net.flush();
  CHECK(net.at("b").current_role() == role::leader);
  CHECK(net.at("b").term() == term + 1);
  CHECK(net.at("a").current_role() == role::follower);
}

TEST_CASE("a learner follows the log, never campaigns, and counts once promoted", "[raft]") {
  network net({"a", "b", "c"}, {"d"});
  net.elect("a");
  REQUIRE_FALSE(net.at("a").propose_change({storage::config_change_kind::add_learner, "d"}));
  net.flush();
  net.tick("a");
  CHECK(net.at("a").config().learners.count("d") == 1);
  CHECK(net.at("d").log().committed() == net.at("a").log().committed());
  auto term = net.at("d").term();
  net.isolate("a");
  net.tick("d", 100);
  CHECK(net.at("d").current_role() == role::follower);
  CHECK(net.at("d").term() == term);
  net.isolate("a", false);
  net.tick("a");
  REQUIRE_FALSE(net.at("a").propose_change({storage::config_change_kind::add_voter, "d"}));
  net.flush();
  net.tick("a");
  CHECK(net.at("a").config().voters.size() == 4);
  // With b and c cut off, a and d are not a quorum of four.
  net.isolate("b");
  net.isolate("c");
  REQUIRE_FALSE(net.at("a").propose(bytes("x"), {1, 1}));
  auto committed = net.at("a").log().committed();
  net.flush();
  CHECK(net.at("a").log().committed() == committed);
}

TEST_CASE("only one membership change may be pending, and invalid ones are refused", "[raft]") {
  network net({"a", "b", "c"}, {"d"});
  net.elect("a");
  net.isolate("b");
  net.isolate("c");
  REQUIRE_FALSE(net.at("a").propose_change({storage::config_change_kind::add_learner, "d"}));
  CHECK(net.at("a").propose_change({storage::config_change_kind::remove_replica, "b"}) ==
        raft_error::config_change_pending);
  net.isolate("b", false);
  net.isolate("c", false);
  net.tick("a");
  CHECK(net.at("a").propose_change({storage::config_change_kind::add_voter, "a"}) ==
        raft_error::invalid_change);
  CHECK(net.at("a").propose_change({storage::config_change_kind::remove_replica, "z"}) ==
        raft_error::invalid_change);
  // Only a learner becomes a voter: an unknown replica never joins the quorum.
  CHECK(net.at("a").propose_change({storage::config_change_kind::add_voter, "z"}) ==
        raft_error::invalid_change);
}

TEST_CASE("ReadIndex confirms leadership with a heartbeat round and writes nothing", "[raft]") {
  network net({"a", "b", "c"});
  net.elect("a");
  auto last = net.at("a").log().last_index();
  REQUIRE_FALSE(net.at("a").read_index(7));
  net.flush();
  REQUIRE(net.reads("a").size() == 1);
  CHECK(net.reads("a")[0].context == 7);
  CHECK(net.reads("a")[0].index == net.at("a").log().committed());
  CHECK(net.at("a").log().last_index() == last);
  CHECK(net.at("b").read_index(8) == raft_error::not_leader);
}

TEST_CASE("a leader cut off from its quorum confirms no reads", "[raft]") {
  network net({"a", "b", "c"});
  net.elect("a");
  net.isolate("a");
  REQUIRE_FALSE(net.at("a").read_index(1));
  net.tick("a", 5);
  CHECK(net.reads("a").empty());
  net.isolate("a", false);
  net.tick("a");
  CHECK(net.reads("a").size() == 1);
}

TEST_CASE("proposals beyond the uncommitted-bytes bound are refused", "[raft]") {
  auto settings = small_settings();
  settings.uncommitted_bytes_max = 1000;
  network net({"a", "b", "c"}, {}, settings);
  net.elect("a");
  net.isolate("b");
  net.isolate("c");
  std::optional<raft_error> refused;
  int accepted = 0;
  while (!refused && accepted < 100) {
    refused = net.at("a").propose(storage::command_bytes(200, 1), {1, 1});
    if (!refused) ++accepted;
  }
  CHECK(refused == raft_error::uncommitted_too_large);
  CHECK(accepted == 4);  // 4 x (200 + 48 bytes) fit in 1000, a fifth does not
}

TEST_CASE("a follower behind the compaction point catches up through InstallSnapshot", "[raft]") {
  network net({"a", "b", "c"});
  net.elect("a");
  net.isolate("c");
  for (std::uint64_t i = 0; i < 20; ++i) REQUIRE_FALSE(net.at("a").propose(bytes("x"), {1, i}));
  net.flush();
  auto applied = net.at("a").log().applied();
  REQUIRE(applied >= 20);
  net.at("a").compact(applied);
  CHECK(net.at("a").log().first_index() == applied + 1);
  net.isolate("c", false);
  net.tick_all(3);
  // The leader asks for an image of its state machine rather than keep one.
  REQUIRE(net.at("a").wants_snapshot());
  CHECK(net.snapshots("c") == 0);
  net.at("a").offer_snapshot(applied, {1, 2, 3});
  CHECK_FALSE(net.at("a").wants_snapshot());
  net.flush();
  net.tick_all(3);
  CHECK(net.snapshots("c") == 1);
  CHECK(net.at("c").log().committed() == net.at("a").log().committed());
  CHECK(net.at("c").latest_snapshot()->data == std::vector<std::uint8_t>{1, 2, 3});
}

TEST_CASE("removing the leader makes it step down and the rest elect another", "[raft]") {
  network net({"a", "b", "c"});
  net.elect("a");
  REQUIRE_FALSE(net.at("a").propose_change({storage::config_change_kind::remove_replica, "a"}));
  net.flush();
  net.tick("a");
  CHECK(net.at("a").current_role() == role::follower);
  CHECK(net.at("b").config().voters == std::set<std::string>{"b", "c"});
  // Once their lease on a's leadership runs out, b and c elect one of them.
  net.tick_all(40);
  auto leaders = (net.at("b").current_role() == role::leader ? 1 : 0) +
                 (net.at("c").current_role() == role::leader ? 1 : 0);
  CHECK(leaders == 1);
  CHECK(net.at("a").current_role() == role::follower);
}
