// A store command and a log entry as read from a log or a peer.
#include <span>

#include "storage/core/log_entry_codec.hpp"
#include "storage/core/store_command_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::span<const std::uint8_t> bytes(data, size);
  (void)troupe::storage::decode_store_command(bytes);
  (void)troupe::storage::decode_log_entry(bytes);
  return 0;
}
