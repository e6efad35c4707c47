// A container's resources (kube's validateResourceRequirements with the
// container resource-name rule): names, quantities, huge pages, and
// requests not above limits. Kube walks Go maps in random order; names are
// taken in sorted order here.
#include <variant>

#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/pod_container_parts.hpp"
#include "actors/api/core/validation/resource_rules.hpp"

namespace troupe::api::validation {

namespace {

// validateResourceQuantityHugePageValue: a whole multiple of the page size.
error_list huge_page_value(const std::string& name, const troupe::quantity& amount,
                           const field_path& path) {
  auto page = troupe::parse_quantity(name.substr(std::string("hugepages-").size()));
  auto* page_size = std::get_if<troupe::quantity>(&page);
  auto page_milli = page_size != nullptr ? page_size->milli_value() : std::nullopt;
  bool divisible = page_size != nullptr && page_size->sign() > 0 && page_milli &&
                   *page_milli % 1000 == 0 && amount.value() % page_size->value() == 0;
  if (divisible) return {};
  return {invalid(path, go_quote(quantity_text(amount)),
                  quantity_text(amount) + " is not positive integer multiple of " + name)};
}

struct resource_summary {
  bool cpu_or_memory = false;
  bool huge_pages = false;
};

void entry(const std::string& name, const json& value, const field_path& path,
           resource_summary& summary, error_list& errors) {
  append(errors, container_resource_name(name, path));
  append(errors, resource_quantity(name, value, path));
  auto amount = quantity_of(value);
  if (huge_page_resource(name)) {
    summary.huge_pages = true;
    if (amount) append(errors, huge_page_value(name, *amount, path));
  }
  if (name == "cpu" || name == "memory") summary.cpu_or_memory = true;
}

void request_against_limit(const std::string& name, const json& value, const json& limits,
                           const field_path& requests_path, const field_path& limits_path,
                           error_list& errors) {
  auto request = quantity_of(value);
  const json* limit_value = member(limits, name);
  if (limit_value == nullptr) {
    if (!overcommit_allowed(name))
      errors.push_back(required(limits_path, "Limit must be set for non overcommitable resources"));
    return;
  }
  auto limit = quantity_of(*limit_value);
  if (!request || !limit) return;
  if (*request != *limit && !overcommit_allowed(name))
    errors.push_back(invalid(requests_path, go_quote(quantity_text(*request)),
                             "must be equal to " + name + " limit of " + quantity_text(*limit)));
  else if (*request > *limit)
    errors.push_back(
        invalid(requests_path, go_quote(quantity_text(*request)),
                "must be less than or equal to " + name + " limit of " + quantity_text(*limit)));
}

}  // namespace

error_list container_resources(const json& resources, const field_path& path) {
  error_list errors;
  const json& limits = dictionary(resources, "limits");
  const json& requests = dictionary(resources, "requests");
  auto limits_path = path.child("limits");
  auto requests_path = path.child("requests");
  resource_summary summary;
  for (auto it = limits.begin(); it != limits.end(); ++it)
    entry(it.key(), it.value(), limits_path.key(it.key()), summary, errors);
  for (auto it = requests.begin(); it != requests.end(); ++it) {
    auto at = requests_path.key(it.key());
    append(errors, container_resource_name(it.key(), at));
    append(errors, resource_quantity(it.key(), it.value(), at));
    request_against_limit(it.key(), it.value(), limits, requests_path, limits_path, errors);
    auto amount = quantity_of(it.value());
    if (huge_page_resource(it.key())) {
      summary.huge_pages = true;
      if (amount) append(errors, huge_page_value(it.key(), *amount, at));
    }
    if (it.key() == "cpu" || it.key() == "memory") summary.cpu_or_memory = true;
  }
  if (!summary.cpu_or_memory && summary.huge_pages)
    errors.push_back(forbidden(path, "HugePages require cpu or memory"));
  return errors;
}

}  // namespace troupe::api::validation
