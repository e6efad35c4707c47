// Strategic merge patch from the network, against a Deployment and a Pod
// (lists with merge keys, retainKeys, nested templates): "<object>\0<patch>".
#include "actors/api/core/strategic_merge_patch.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [object_text, patch_text] = troupe::fuzz::split_at_nul(data, size);
  auto object = troupe::fuzz::parse_json(object_text);
  auto patch = troupe::fuzz::parse_json(patch_text);
  if (!object || !patch) return 0;
  (void)troupe::api::apply_strategic_merge_patch(*object, *patch, "apps/v1", "Deployment");
  (void)troupe::api::apply_strategic_merge_patch(*object, *patch, "v1", "Pod");
  return 0;
}
