// A Raft message as it arrives from a peer (Cap'n Proto bytes).
#include <span>

#include "actors/store/core/raft_message_codec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)troupe::store::raft::decode_message(std::span<const std::uint8_t>(data, size));
  return 0;
}
