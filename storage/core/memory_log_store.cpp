#include "storage/core/memory_log_store.hpp"

#include <algorithm>

namespace troupe::storage {

namespace {

log_store_error malformed(std::string what) {
  return log_store_error{store_error::malformed_request, std::move(what)};
}

std::uint64_t base_index(const memory_disk_contents& contents) {
  return contents.base ? contents.base->index : 0;
}

// Checks `write` against `contents` without changing anything: what the
// state machine, the base and the log would become must be consistent.
std::optional<log_store_error> check_write(const memory_disk_contents& contents,
                                           const durable_write& write,
                                           std::optional<machine_image>& received) {
  auto applied = contents.machine.applied;
  if (write.machine) {
    if (auto error = contents.machine.check(*write.machine)) return malformed(*error);
    applied = write.machine->applied;
  }
  auto base = base_index(contents);
  auto last = contents.entries.empty() ? base : contents.entries.back().index;
  if (write.compaction && write.compaction->index > base) {
    if (write.compaction->index > applied)
      return malformed("compaction to " + std::to_string(write.compaction->index) +
                       " passes the applied index " + std::to_string(applied));
    base = write.compaction->index;
    last = std::max(last, base);
  }
  if (write.received) {
    auto image = machine_image_of(*write.received);
    if (auto* error = std::get_if<std::string>(&image)) return malformed(*error);
    received = std::get<machine_image>(std::move(image));
    base = last = write.received->metadata.index;  // it replaces the whole log
  }
  auto entries = write.entries;
  if (entries.empty()) return std::nullopt;
  if (entries.front().index <= base || entries.front().index > last + 1)
    return malformed("entries from " + std::to_string(entries.front().index) +
                     " do not follow the stored log");
  for (std::size_t i = 1; i < entries.size(); ++i)
    if (entries[i].index != entries[i - 1].index + 1)
      return malformed("entries are not contiguous at " + std::to_string(entries[i].index));
  return std::nullopt;
}

void apply_write(memory_disk_contents& contents, const durable_write& write,
                 std::optional<machine_image> received) {
  if (write.machine) contents.machine.apply(*write.machine);
  if (write.compaction && write.compaction->index > base_index(contents)) {
    std::erase_if(contents.entries,
                  [&](const log_entry& entry) { return entry.index <= write.compaction->index; });
    contents.base = write.compaction;
  }
  if (received) {
    contents.machine = machine_state::of(*received);
    contents.entries.clear();
    contents.base = write.received->metadata;
  }
  if (!write.entries.empty()) {
    auto first = write.entries.front().index;
    std::erase_if(contents.entries, [&](const log_entry& entry) { return entry.index >= first; });
    contents.entries.insert(contents.entries.end(), write.entries.begin(), write.entries.end());
  }
  if (write.state) contents.state = *write.state;
}

}  // namespace

std::optional<log_store_error> memory_log_store::injected_failure() {
  if (disk_->failing_writes == 0) return std::nullopt;
  --disk_->failing_writes;
  return log_store_error{store_error::timeout, "injected write failure"};
}

std::variant<stored_state, log_store_error> memory_log_store::load() {
  const auto& contents = disk_->contents;
  return stored_state{contents.state, contents.base, contents.machine.image(), contents.entries};
}

std::optional<log_store_error> memory_log_store::save(const durable_write& write) {
  if (auto failure = injected_failure()) return failure;
  // Checked first, so that a refused write changes nothing.
  std::optional<machine_image> received;
  if (auto error = check_write(disk_->contents, write, received)) return error;
  apply_write(disk_->contents, write, std::move(received));
  ++disk_->writes;
  return std::nullopt;
}

}  // namespace troupe::storage
