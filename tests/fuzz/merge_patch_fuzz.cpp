// JSON merge patch (RFC 7386) from the network: "<document>\0<patch>".
#include "actors/api/core/merge_patch.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [document_text, patch_text] = troupe::fuzz::split_at_nul(data, size);
  auto document = troupe::fuzz::parse_json(document_text);
  auto patch = troupe::fuzz::parse_json(patch_text);
  if (!document || !patch) return 0;
  (void)troupe::api::apply_merge_patch(*document, *patch);
  return 0;
}
