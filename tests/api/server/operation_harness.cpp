#include "operation_harness.hpp"

#include <catch2/catch.hpp>

#include "actors/api/core/server/object_codec.hpp"
#include "actors/api/core/server/object_keys.hpp"
#include "actors/api/core/server/stored_object.hpp"

namespace troupe::api::testing {

namespace {

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) parts.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// The namespace's own subresources (kube's RequestInfoFactory keeps
// /namespaces/<name>/status a subresource of the namespace).
bool is_namespace_subresource(const std::string& part) {
  return part == "status" || part == "finalize";
}

void read_path(api_request& request, std::string_view path) {
  auto parts = split(path, '/');
  std::size_t at = 0;
  if (at < parts.size() && parts[at] == "api") {
    ++at;
  } else if (at < parts.size() && parts[at] == "apis") {
    ++at;
    if (at < parts.size()) request.group = parts[at++];
  }
  if (at < parts.size()) request.version = parts[at++];
  if (at + 1 < parts.size() && parts[at] == "namespaces" &&
      !(at + 2 < parts.size() && is_namespace_subresource(parts[at + 2]))) {
    request.namespace_name = parts[at + 1];
    if (at + 2 < parts.size()) {
      at += 2;
    } else {
      request.resource = "namespaces";
      request.name = request.namespace_name;
      request.namespace_name.clear();
      return;
    }
  }
  if (at < parts.size()) request.resource = parts[at++];
  if (at < parts.size()) request.name = parts[at++];
  if (at < parts.size()) request.subresource = parts[at++];
}

}  // namespace

api_clock::time_point test_epoch() {
  using namespace std::chrono;
  return sys_days{year{2025} / March / 4} + hours{5} + minutes{6} + seconds{7};
}

operation_harness::operation_harness(bool system_namespaces, std::size_t history_max)
    : cache_(history_max), now_(test_epoch()), random_(20250304) {
  cache_.reset({}, store_.current_revision());
  if (!system_namespaces) return;
  for (const char* name : {"default", "kube-system"}) {
    auto created = run(make_request(
        "create", "/api/v1/namespaces",
        json{{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}}));
    REQUIRE(created.code == 201);
  }
  steps_.clear();
}

api_response operation_harness::run(const api_request& request) {
  const auto* resource = find_resource(request.group, request.version, request.resource);
  REQUIRE(resource);
  auto operation = make_operation(request, *resource);
  return run(*operation);
}

api_response operation_harness::run(api_operation& operation) {
  steps_.clear();
  logs_.reset();
  operation_context context{now_, random_};
  // As the api actor does: prepare, then start.
  operation.prepare(context);
  auto step = operation.start(context);
  for (std::size_t taken = 0;; ++taken) {
    if (taken >= steps_max) FAIL("the operation did not answer within " << steps_max << " steps");
    if (auto* done = std::get_if<answer>(&step)) return done->response;
    if (auto* logs = std::get_if<stream_logs>(&step)) {
      steps_.push_back({step_kind::stream_logs, {}, {}, {}});
      logs_ = *logs;
      return log_response;
    }
    step = execute(operation, std::move(step), context);
  }
}

operation_step operation_harness::execute(api_operation& operation, operation_step step,
                                          operation_context& context) {
  if (auto* keys = std::get_if<read_keys>(&step)) return read_keys_step(operation, *keys, context);
  if (auto* txn = std::get_if<write>(&step)) return write_step(operation, *txn, context);
  const auto& range = std::get<read_range>(step).range;
  steps_.push_back({step_kind::read_range, {}, range, {}});
  if (auto failure = take_failure(step_kind::read_range))
    return operation.on_store_error(failure->error, failure->detail, context);
  auto response = store_.range(range);
  if (auto* error = std::get_if<store_error>(&response))
    return operation.on_store_error(*error, "", context);
  return operation.on_range(std::get<range_response>(response), context);
}

operation_step operation_harness::read_keys_step(api_operation& operation, const read_keys& keys,
                                                 operation_context& context) {
  const auto kind = keys.from_cache ? step_kind::read_cache : step_kind::read_store;
  steps_.push_back({kind, keys.keys, {}, {}});
  if (keys.from_cache) {
    // As the api actor answers from its cache: the cached objects.
    std::vector<cached_pointer> objects;
    for (const auto& key : keys.keys) objects.push_back(cache_.get(key));
    return operation.on_cached(objects, context);
  }
  std::vector<std::optional<key_value>> values;
  if (auto failure = take_failure(step_kind::read_store))
    return operation.on_store_error(failure->error, failure->detail, context);
  for (const auto& key : keys.keys) {
    auto response = store_.range(range_request{key, "", 0, 0, false});
    if (auto* error = std::get_if<store_error>(&response))
      return operation.on_store_error(*error, "", context);
    const auto& kvs = std::get<range_response>(response).kvs;
    if (kvs.empty())
      values.emplace_back();
    else
      values.emplace_back(kvs.front());
  }
  return operation.on_keys(values, false, context);
}

operation_step operation_harness::write_step(api_operation& operation, const write& txn,
                                             operation_context& context) {
  steps_.push_back({step_kind::write, {}, {}, txn.txn});
  if (before_write_) {
    auto change = std::move(before_write_);
    before_write_ = nullptr;
    change(*this);
  }
  if (auto failure = take_failure(step_kind::write))
    return operation.on_store_error(failure->error, failure->detail, context);
  auto response = store_.txn(txn.txn);
  if (auto* error = std::get_if<store_error>(&response))
    return operation.on_store_error(*error, "", context);
  sync_cache();
  return operation.on_write(std::get<txn_response>(response), context);
}

std::optional<operation_harness::injected_failure> operation_harness::take_failure(step_kind kind) {
  for (auto it = failures_.begin(); it != failures_.end(); ++it)
    if (it->kind == kind) {
      auto failure = *it;
      failures_.erase(it);
      return failure;
    }
  return std::nullopt;
}

void operation_harness::thaw_cache() {
  cache_frozen_ = false;
  sync_cache();
}

void operation_harness::sync_cache() {
  if (cache_frozen_) return;
  const std::string prefix(registry_prefix);
  const auto end = prefix_range_end(prefix);
  while (cache_.revision() < store_.current_revision()) {
    auto batch = store_.events(prefix, end, cache_.revision() + 1, 1000);
    if (std::holds_alternative<store_error>(batch)) return reload_cache();
    const auto& events = std::get<storage::mvcc_event_batch>(batch);
    watch_events delivered{1, events.events, events.next_revision - 1};
    auto made = cache_.apply(delivered);
    cache_events_.insert(cache_events_.end(), made.begin(), made.end());
  }
}

// The cache fell behind the store's compaction: a fresh snapshot, as the
// api actor reloads.
void operation_harness::reload_cache() {
  const std::string prefix(registry_prefix);
  auto snapshot = store_.range(range_request{prefix, prefix_range_end(prefix), 0, 0, false});
  REQUIRE(std::holds_alternative<range_response>(snapshot));
  const auto& response = std::get<range_response>(snapshot);
  cache_.reset(response.kvs, response.revision);
}

std::int64_t operation_harness::put(const std::string& key, const json& object) {
  txn_request txn;
  txn.success.push_back({txn_operation::kind::put, key, "", encode_object(object)});
  auto response = store_.txn(txn);
  REQUIRE(std::holds_alternative<txn_response>(response));
  sync_cache();
  return std::get<txn_response>(response).revision;
}

std::int64_t operation_harness::remove(const std::string& key) {
  txn_request txn;
  txn.success.push_back({txn_operation::kind::remove, key, "", ""});
  auto response = store_.txn(txn);
  REQUIRE(std::holds_alternative<txn_response>(response));
  sync_cache();
  return std::get<txn_response>(response).revision;
}

json operation_harness::stored(const std::string& key) const {
  auto response = store_.range(range_request{key, "", 0, 0, false});
  REQUIRE(std::holds_alternative<range_response>(response));
  const auto& kvs = std::get<range_response>(response).kvs;
  if (kvs.empty()) return nullptr;
  auto object = object_of(kvs.front());
  REQUIRE(std::holds_alternative<json>(object));
  return std::get<json>(object);
}

void operation_harness::fail_next(step_kind kind, store_error error, std::string detail) {
  failures_.push_back({kind, error, std::move(detail)});
}

void operation_harness::before_next_write(std::function<void(operation_harness&)> change) {
  before_write_ = std::move(change);
}

std::size_t operation_harness::count(step_kind kind) const {
  std::size_t total = 0;
  for (const auto& step : steps_) total += step.kind == kind ? 1 : 0;
  return total;
}

api_request make_request(std::string verb, std::string_view path) {
  api_request request;
  request.verb = std::move(verb);
  auto query_start = path.find('?');
  read_path(request, path.substr(0, query_start));
  if (query_start != std::string_view::npos)
    for (const auto& pair : split(path.substr(query_start + 1), '&')) {
      auto equals = pair.find('=');
      if (equals == std::string::npos)
        request.query.emplace_back(pair, "");
      else
        request.query.emplace_back(pair.substr(0, equals), pair.substr(equals + 1));
    }
  return request;
}

api_request make_request(std::string verb, std::string_view path, const json& body,
                         std::string content_type) {
  return make_request(std::move(verb), path, body.dump(), std::move(content_type));
}

api_request make_request(std::string verb, std::string_view path, std::string body,
                         std::string content_type) {
  auto request = make_request(std::move(verb), path);
  request.body = std::move(body);
  request.content_type = std::move(content_type);
  return request;
}

json body_of(const api_response& response) {
  auto parsed = json::parse(response.body, nullptr, false);
  return parsed.is_discarded() ? json(nullptr) : parsed;
}

}  // namespace troupe::api::testing
