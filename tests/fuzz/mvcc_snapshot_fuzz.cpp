// A state machine image received from a leader, and the durable records of
// the state machine (machine_codec.hpp) as read from a data dir.
#include <span>

#include "storage/core/machine_codec.hpp"
#include "storage/core/mvcc_store.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::span<const std::uint8_t> bytes(data, size);
  auto restored = troupe::storage::mvcc_store::restore(bytes);
  if (auto* store = std::get_if<troupe::storage::mvcc_store>(&restored))
    (void)troupe::storage::mvcc_store::from_image(store->image(1));
  (void)troupe::storage::decode_record({1, 0}, bytes);
  (void)troupe::storage::decode_client(1, bytes);
  (void)troupe::storage::decode_machine_meta(bytes);
  (void)troupe::storage::decode_record_key(bytes);
  return 0;
}
