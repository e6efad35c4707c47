#include "actors/store/core/write_plan.hpp"

#include <utility>

namespace troupe::store {

write_plan plan_write(raft::ready& batch, const storage::hard_state& last_written) {
  bool term_or_vote_changes = batch.state && (batch.state->term != last_written.term ||
                                              batch.state->vote != last_written.vote);
  write_plan plan;
  plan.write = !batch.entries.empty() || batch.snapshot || term_or_vote_changes;
  if (term_or_vote_changes) return plan;
  std::vector<raft::message> after_writing;
  for (auto& outgoing : batch.messages) {
    bool leader_traffic = outgoing.type == raft::message_type::append ||
                          outgoing.type == raft::message_type::heartbeat;
    (leader_traffic ? plan.early : after_writing).push_back(std::move(outgoing));
  }
  batch.messages = std::move(after_writing);
  return plan;
}

}  // namespace troupe::store
