// Elections: pre-vote, vote, and counting the answers.
#include <cassert>

#include "actors/store/core/raft.hpp"

namespace troupe::store::raft {

void node::campaign(bool pre, bool transfer) {
  std::uint64_t campaign_term = term_ + 1;
  if (pre) {
    // A pre-candidate keeps its term and vote (reset keeps the vote of an
    // unchanged term): it only asks whether it could win.
    reset(term_);
    role_ = role::pre_candidate;
  } else {
    reset(term_ + 1);
    role_ = role::candidate;
    vote_ = self_;
    campaign_term = term_;
  }
  votes_[self_] = true;
  if (votes_.size() >= quorum()) {
    if (pre)
      campaign(false, transfer);
    else
      become_leader();
    return;
  }
  for (const auto& voter : config_.voters) {
    if (voter == self_) continue;
    send(message{.type = pre ? message_type::pre_vote : message_type::vote,
                 .to = voter,
                 .term = campaign_term,
                 .log_term = log_.last_term(),
                 .index = log_.last_index(),
                 .force = transfer});
  }
}

void node::handle_vote_request(const message& incoming) {
  bool pre = incoming.type == message_type::pre_vote;
  bool can_vote = vote_ == incoming.from || (vote_.empty() && leader_.empty()) ||
                  (pre && incoming.term > term_);
  auto response_type = pre ? message_type::pre_vote_response : message_type::vote_response;
  if (can_vote && log_.is_up_to_date(incoming.index, incoming.log_term)) {
    // Answer with the requested term so a pre-candidate counts the grant.
    send(message{.type = response_type, .to = incoming.from, .term = incoming.term});
    if (!pre) {
      election_elapsed_ = 0;
      vote_ = incoming.from;
    }
    return;
  }
  send(message{.type = response_type, .to = incoming.from, .reject = true});
}

void node::handle_vote_response(const message& incoming) {
  bool pre = incoming.type == message_type::pre_vote_response;
  if ((pre && role_ != role::pre_candidate) || (!pre && role_ != role::candidate)) return;
  votes_[incoming.from] = !incoming.reject;
  std::size_t granted = 0;
  std::size_t rejected = 0;
  for (const auto& [voter, grant] : votes_) {
    if (!config_.voters.count(voter)) continue;
    grant ? ++granted : ++rejected;
  }
  if (granted >= quorum()) {
    if (pre)
      campaign(false, false);
    else
      become_leader();
  } else if (rejected >= quorum()) {
    become_follower(term_, {});
  }
}

}  // namespace troupe::store::raft
