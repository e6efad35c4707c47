#include "actors/store/core/raft_log.hpp"

#include <algorithm>
#include <cassert>

namespace troupe::store::raft {

std::size_t entry_bytes(const log_entry& entry) {
  constexpr std::size_t envelope_bytes = 48;
  if (auto* command = std::get_if<storage::command_bytes>(&entry.payload))
    return envelope_bytes + command->size();
  return envelope_bytes;
}

void raft_log::restore(const snapshot_metadata& snapshot, std::vector<log_entry> entries,
                       std::uint64_t commit) {
  snapshot_ = snapshot;
  entries_.clear();
  for (auto& entry : entries)
    if (entry.index > snapshot.index) entries_.push_back(std::move(entry));
  for (std::size_t i = 0; i < entries_.size(); ++i)
    assert(entries_[i].index == snapshot_.index + 1 + i);
  committed_ = std::clamp(commit, snapshot_.index, last_index());
  applied_ = snapshot_.index;
  stable_ = last_index();
}

const log_entry& raft_log::entry(std::uint64_t index) const {
  assert(index > snapshot_.index && index <= last_index());
  return entries_[index - snapshot_.index - 1];
}

std::uint64_t raft_log::last_term() const {
  return entries_.empty() ? snapshot_.term : entries_.back().term;
}

std::optional<std::uint64_t> raft_log::term(std::uint64_t index) const {
  if (index == snapshot_.index) return snapshot_.term;
  if (index < snapshot_.index || index > last_index()) return std::nullopt;
  return entry(index).term;
}

bool raft_log::matches(std::uint64_t index, std::uint64_t term_value) const {
  auto found = term(index);
  return found && *found == term_value;
}

bool raft_log::is_up_to_date(std::uint64_t index, std::uint64_t term_value) const {
  return term_value > last_term() || (term_value == last_term() && index >= last_index());
}

std::optional<std::uint64_t> raft_log::try_append(std::uint64_t previous_index,
                                                  std::uint64_t previous_term,
                                                  const std::vector<log_entry>& entries) {
  if (!matches(previous_index, previous_term)) return std::nullopt;
  auto last_new = previous_index + entries.size();
  for (const auto& entry : entries) {
    if (entry.index <= snapshot_.index) continue;  // already compacted: committed, equal
    if (entry.index <= last_index()) {
      if (this->entry(entry.index).term == entry.term) continue;
      assert(entry.index > committed_ && "a committed entry conflicts with the leader's log");
      entries_.resize(entry.index - snapshot_.index - 1);
      stable_ = std::min(stable_, entry.index - 1);
    }
    assert(entry.index == last_index() + 1);
    entries_.push_back(entry);
  }
  return last_new;
}

void raft_log::append(std::vector<log_entry> entries) {
  for (auto& entry : entries) {
    assert(entry.index == last_index() + 1);
    entries_.push_back(std::move(entry));
  }
}

std::vector<log_entry> raft_log::entries_from(std::uint64_t from, std::size_t bytes_max) const {
  std::vector<log_entry> result;
  std::size_t bytes = 0;
  for (auto index = std::max(from, first_index()); index <= last_index(); ++index) {
    bytes += entry_bytes(entry(index));
    if (!result.empty() && bytes > bytes_max) break;
    result.push_back(entry(index));
  }
  return result;
}

void raft_log::commit_to(std::uint64_t index) {
  assert(index <= last_index());
  committed_ = std::max(committed_, index);
}

std::vector<log_entry> raft_log::unstable_entries() const {
  std::vector<log_entry> result;
  for (auto index = std::max(stable_ + 1, first_index()); index <= last_index(); ++index)
    result.push_back(entry(index));
  return result;
}

std::vector<log_entry> raft_log::next_committed_entries() const {
  std::vector<log_entry> result;
  auto until = std::min(committed_, stable_);
  for (auto index = applied_ + 1; index <= until; ++index) result.push_back(entry(index));
  return result;
}

void raft_log::stable_to(std::uint64_t index) {
  // A later truncation may have made `index` refer to replaced entries.
  stable_ = std::max(stable_, std::min(index, last_index()));
}

void raft_log::applied_to(std::uint64_t index) {
  assert(index <= committed_);
  applied_ = std::max(applied_, index);
}

void raft_log::install(const snapshot_metadata& snapshot) {
  snapshot_ = snapshot;
  entries_.clear();
  committed_ = applied_ = stable_ = snapshot.index;
}

void raft_log::compact(const snapshot_metadata& snapshot) {
  assert(snapshot.index <= applied_ && snapshot.index >= snapshot_.index);
  auto drop = snapshot.index - snapshot_.index;
  entries_.erase(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(drop));
  snapshot_ = snapshot;
}

}  // namespace troupe::store::raft
