// Query-string decoders from the network: label and field selectors, a JSON
// LabelSelector, resource quantities and object names. A selector's string
// form must parse again, and reach a fixed point after one more round (not at
// once: like Kubernetes, a field selector sorts its terms as written, and
// "==" prints as "=").
#include <cstdlib>
#include <string_view>

#include "messages/core/field_selector.hpp"
#include "messages/core/label_selector.hpp"
#include "messages/core/object_names.hpp"
#include "messages/core/quantity.hpp"
#include "tests/fuzz/fuzz_input.hpp"

namespace {

template <class Selector>
void check_string_form(const Selector& selector) {
  auto again = Selector::parse(selector.to_string());
  auto* second = std::get_if<Selector>(&again);
  if (!second) std::abort();
  auto third = Selector::parse(second->to_string());
  auto* fixed = std::get_if<Selector>(&third);
  if (!fixed || fixed->to_string() != second->to_string()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto labels = troupe::label_selector::parse(text);
  if (auto* selector = std::get_if<troupe::label_selector>(&labels)) check_string_form(*selector);
  auto fields = troupe::field_selector::parse(text);
  if (auto* selector = std::get_if<troupe::field_selector>(&fields)) check_string_form(*selector);
  if (auto json = troupe::fuzz::parse_json(text)) (void)troupe::label_selector::from_json(*json);
  auto parsed = troupe::parse_quantity(text);
  if (auto* quantity = std::get_if<troupe::quantity>(&parsed)) (void)quantity->to_string();
  (void)troupe::dns_subdomain_name_errors(text, troupe::name_form::name);
  (void)troupe::dns_label_name_errors(text, troupe::name_form::generate_name_prefix);
  return 0;
}
