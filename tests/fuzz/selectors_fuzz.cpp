// Query-string decoders from the network: label and field selectors (their
// canonical form must parse back to the same selector), a JSON LabelSelector,
// resource quantities and object names.
#include <cstdlib>
#include <string_view>

#include "messages/core/field_selector.hpp"
#include "messages/core/label_selector.hpp"
#include "messages/core/object_names.hpp"
#include "messages/core/quantity.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto labels = troupe::label_selector::parse(text);
  if (auto* selector = std::get_if<troupe::label_selector>(&labels)) {
    auto again = troupe::label_selector::parse(selector->to_string());
    auto* reparsed = std::get_if<troupe::label_selector>(&again);
    if (!reparsed || reparsed->to_string() != selector->to_string()) std::abort();
  }
  auto fields = troupe::field_selector::parse(text);
  if (auto* selector = std::get_if<troupe::field_selector>(&fields)) {
    auto again = troupe::field_selector::parse(selector->to_string());
    auto* reparsed = std::get_if<troupe::field_selector>(&again);
    if (!reparsed || reparsed->to_string() != selector->to_string()) std::abort();
  }
  if (auto json = troupe::fuzz::parse_json(text)) (void)troupe::label_selector::from_json(*json);
  auto parsed = troupe::parse_quantity(text);
  if (auto* quantity = std::get_if<troupe::quantity>(&parsed)) (void)quantity->to_string();
  (void)troupe::dns_subdomain_name_errors(text, troupe::name_form::name);
  (void)troupe::dns_label_name_errors(text, troupe::name_form::generate_name_prefix);
  return 0;
}
