#include <catch2/catch.hpp>

#include "actors/store/core/write_plan.hpp"

using namespace troupe;
using namespace troupe::store;
using raft::message_type;

namespace {

raft::message of(message_type type) {
  raft::message outgoing;
  outgoing.type = type;
  return outgoing;
}

const storage::hard_state written{3, "r0", 10};

}  // namespace

TEST_CASE("a batch that only moves the commit index is not written", "[store]") {
  raft::ready batch;
  batch.state = storage::hard_state{3, "r0", 12};
  CHECK_FALSE(plan_write(batch, written).write);
  raft::ready nothing;
  CHECK_FALSE(plan_write(nothing, written).write);
}

TEST_CASE("entries, a snapshot, a new term or a new vote are written", "[store]") {
  raft::ready entries;
  entries.entries.push_back({3, 11, {}, storage::no_op{}});
  CHECK(plan_write(entries, written).write);
  raft::ready snapshot;
  snapshot.snapshot = storage::snapshot{};
  CHECK(plan_write(snapshot, written).write);
  raft::ready term;
  term.state = storage::hard_state{4, "", 10};
  CHECK(plan_write(term, written).write);
  raft::ready vote;
  vote.state = storage::hard_state{3, "r1", 10};
  CHECK(plan_write(vote, written).write);
}

TEST_CASE("a leader's appends and heartbeats leave before the write, the rest after it",
          "[store]") {
  raft::ready batch;
  batch.entries.push_back({3, 11, {}, storage::no_op{}});
  for (auto type : {message_type::append, message_type::vote_response, message_type::heartbeat,
                    message_type::append_response, message_type::snapshot})
    batch.messages.push_back(of(type));
  auto plan = plan_write(batch, written);
  REQUIRE(plan.early.size() == 2);
  CHECK(plan.early[0].type == message_type::append);
  CHECK(plan.early[1].type == message_type::heartbeat);
  REQUIRE(batch.messages.size() == 3);
  CHECK(batch.messages[0].type == message_type::vote_response);
  CHECK(batch.messages[1].type == message_type::append_response);
  CHECK(batch.messages[2].type == message_type::snapshot);
}

TEST_CASE("after a change of term or vote every message waits for the write", "[store]") {
  raft::ready batch;
  batch.state = storage::hard_state{4, "r0", 10};
  batch.messages.push_back(of(message_type::append));
  batch.messages.push_back(of(message_type::heartbeat));
  auto plan = plan_write(batch, written);
  CHECK(plan.early.empty());
  CHECK(batch.messages.size() == 2);
}
