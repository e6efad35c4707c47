// core/v1 Events (kube's legacyValidateEvent), ServiceAccounts and Leases.
#include "actors/api/core/validation/cluster_validation.hpp"
#include "actors/api/core/validation/go_format.hpp"
#include "actors/api/core/validation/json_view.hpp"
#include "actors/api/core/validation/object_meta_validation.hpp"
#include "actors/api/core/validation/value_rules.hpp"
#include "messages/core/labels.hpp"
#include "messages/core/object_names.hpp"

namespace troupe::api::validation {

namespace {

// events.go's length limits.
constexpr std::size_t reporting_instance_bytes_max = 128;
constexpr std::size_t action_bytes_max = 128;
constexpr std::size_t reason_bytes_max = 128;
constexpr std::size_t note_bytes_max = 1024;

// A non-zero time (metav1.MicroTime): set and not the zero time.
bool time_set(const json& object, const char* key) {
  const json* value = member(object, key);
  return value != nullptr && value->is_string() && go_time(*value) != go_time(json());
}

void length_limit(error_list& errors, const json& event, const char* key, std::size_t bytes_max) {
  if (text(event, key).size() > bytes_max)
    errors.push_back(invalid(field_path(key), "\"\"",
                             "can have at most " + std::to_string(bytes_max) + " characters"));
}

void new_style_event(const json& event, const std::string& event_namespace,
                     const std::string& involved_namespace, error_list& errors) {
  if (involved_namespace.empty() && event_namespace != "default" &&
      event_namespace != "kube-system")
    errors.push_back(invalid(field_path("involvedObject").child("namespace"),
                             go_quote(involved_namespace), "does not match event.namespace"));
  auto controller = text(event, "reportingComponent");
  if (controller.empty()) errors.push_back(required(field_path("reportingController")));
  append_invalid(errors, field_path("reportingController"), go_quote(controller),
                 validate_qualified_name(controller));
  if (text(event, "reportingInstance").empty())
    errors.push_back(required(field_path("reportingInstance")));
  length_limit(errors, event, "reportingInstance", reporting_instance_bytes_max);
  if (text(event, "action").empty()) errors.push_back(required(field_path("action")));
  length_limit(errors, event, "action", action_bytes_max);
  if (text(event, "reason").empty()) errors.push_back(required(field_path("reason")));
  length_limit(errors, event, "reason", reason_bytes_max);
  length_limit(errors, event, "message", note_bytes_max);
}

}  // namespace

error_list validate_event(const json& event) {
  error_list errors;
  auto event_namespace = text(dictionary(event, "metadata"), "namespace");
  auto involved_namespace = text(dictionary(event, "involvedObject"), "namespace");
  auto mismatch = [&] {
    errors.push_back(invalid(field_path("involvedObject").child("namespace"),
                             go_quote(involved_namespace), "does not match event.namespace"));
  };
  if (!time_set(event, "eventTime")) {
    if (involved_namespace.empty() && !event_namespace.empty() && event_namespace != "default")
      mismatch();
    else if (!involved_namespace.empty() && event_namespace != involved_namespace)
      mismatch();
  } else {
    new_style_event(event, event_namespace, involved_namespace, errors);
  }
  append_invalid(errors, field_path("namespace"), go_quote(event_namespace),
                 dns1123_subdomain_errors(event_namespace));
  return errors;
}

error_list validate_service_account(const json& object) {
  return validate_object_meta(object, {});
}

error_list validate_service_account_update(const json& object, const json& old) {
  error_list errors = validate_object_meta_update(object, old, {});
  append(errors, validate_service_account(object));
  return errors;
}

namespace {

error_list validate_lease_spec(const json& spec) {
  error_list errors;
  auto path = field_path("spec");
  if (auto duration = integer_member(spec, "leaseDurationSeconds"); duration && *duration <= 0)
    errors.push_back(invalid(path.child("leaseDurationSeconds"), std::to_string(*duration),
                             "must be greater than 0"));
  if (auto transitions = integer_member(spec, "leaseTransitions"); transitions && *transitions < 0)
    errors.push_back(invalid(path.child("leaseTransitions"), std::to_string(*transitions),
                             "must be greater than or equal to 0"));
  if (const json* strategy = member(spec, "strategy")) {
    auto value = strategy->is_string() ? strategy->get<std::string>() : std::string();
    if (value.find('/') == std::string::npos && value != "OldestEmulationVersion")
      errors.push_back(not_supported(path.child("strategy").child("strategy"), go_quote(value),
                                     {"OldestEmulationVersion"}));
    else if (value.find('/') != std::string::npos)
      append_invalid(errors, path.child("strategy").child("strategy"), go_quote(value),
                     validate_qualified_name(value));
  }
  if (!text(spec, "preferredHolder").empty() && text(spec, "strategy").empty())
    errors.push_back(
        forbidden(path.child("preferredHolder"), "may only be specified if `strategy` is defined"));
  return errors;
}

}  // namespace

error_list validate_lease(const json& object) {
  error_list errors = validate_object_meta(object, {true, &dns_subdomain_name_errors, false});
  append(errors, validate_lease_spec(dictionary(object, "spec")));
  return errors;
}

error_list validate_lease_update(const json& object, const json& old) {
  error_list errors =
      validate_object_meta_update(object, old, {true, &dns_subdomain_name_errors, false});
  append(errors, validate_lease_spec(dictionary(object, "spec")));
  return errors;
}

}  // namespace troupe::api::validation
