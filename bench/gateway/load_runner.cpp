#include "bench/gateway/load_runner.hpp"

#include <algorithm>
#include <iostream>
#include <vector>

namespace troupe::bench {

namespace {

// A failure's text in the report is cut here: a Status body is enough to
// tell what went wrong.
constexpr std::size_t failure_text_max = 300;

struct opening {
  explicit opening(client_context& context, std::size_t count) : context(context), links(count) {}
  client_context& context;
  std::vector<kj::Own<connection>> links;
  std::size_t next = 0;
};

kj::Promise<void> open_next(opening& state) {
  if (state.next >= state.links.size()) return kj::READY_NOW;
  auto index = state.next++;
  return open_connection(state.context).then([&state, index](kj::Own<connection>&& link) {
    state.links[index] = kj::mv(link);
    return open_next(state);
  });
}

class load_runner {
 public:
  load_runner(client_context& context, request_source next)
      : context_(context), next_(std::move(next)) {}

  load_result run(std::size_t connections) {
    auto& wait_scope = context_.io().waitScope;
    auto links = open_connections(context_, connections, handshakes_in_flight_max).wait(wait_scope);
    auto start = steady::now();
    kj::Vector<kj::Promise<void>> lanes;
    for (auto& link : links) {
      lanes.add(drive(link).catch_([this](kj::Exception&& failure) {
        fail(0, std::string("dialling again failed: ") + failure.getDescription().cStr());
      }));
    }
    kj::joinPromises(lanes.releaseAsArray()).wait(wait_scope);
    result_.seconds = milliseconds_between(start, steady::now()) / 1000.0;
    return std::move(result_);
  }

 private:
  kj::Promise<void> drive(kj::Own<connection>& link) {
    auto request = next_();
    if (!request) return kj::READY_NOW;
    auto started = steady::now();
    auto expected = request->expected_status;
    return exchange(context_, *link, request->method, request->path, std::move(request->body))
        .then(
            [this, started, expected](http_result&& answer) -> kj::Promise<void> {
              record(answer, expected, started);
              return kj::READY_NOW;
            },
            [this, &link](kj::Exception&& failure) -> kj::Promise<void> {
              fail(0, std::string("connection broke: ") + failure.getDescription().cStr());
              return open_connection(context_).then(
                  [&link](kj::Own<connection>&& fresh) { link = kj::mv(fresh); });
            })
        .then([this, &link] { return drive(link); });
  }

  void record(const http_result& answer, unsigned expected, steady::time_point started) {
    if (answer.status == expected) {
      result_.latencies.add(milliseconds_between(started, steady::now()));
      ++result_.successes;
      return;
    }
    fail(answer.status, std::string(answer.body.begin(), answer.body.size()));
  }

  void fail(unsigned status, std::string text) {
    ++result_.errors;
    ++result_.errors_by_status[status];
    if (result_.first_failure.empty()) {
      if (text.size() > failure_text_max) text.resize(failure_text_max);
      result_.first_failure = "status " + std::to_string(status) + ": " + text;
    }
  }

  client_context& context_;
  request_source next_;
  load_result result_;
};

}  // namespace

kj::Promise<std::vector<kj::Own<connection>>> open_connections(client_context& context,
                                                               std::size_t count,
                                                               std::size_t parallel) {
  auto state = kj::heap<opening>(context, count);
  kj::Vector<kj::Promise<void>> workers;
  for (std::size_t i = 0; i < std::min(parallel, count); ++i) workers.add(open_next(*state));
  auto& links = state->links;
  return kj::joinPromises(workers.releaseAsArray())
      .then([&links]() { return std::move(links); })
      .attach(kj::mv(state));
}

load_result run_load(client_context& context, std::size_t connections, request_source next) {
  return load_runner(context, std::move(next)).run(connections);
}

void print_failures(const std::string& label, const load_result& result) {
  for (const auto& [status, count] : result.errors_by_status) {
    std::cerr << label << ": " << count << " failed requests "
              << (status == 0 ? std::string("(connection)")
                              : "with status " + std::to_string(status))
              << std::endl;
  }
  if (!result.first_failure.empty())
    std::cerr << label << ": first failure: " << result.first_failure << std::endl;
}

}  // namespace troupe::bench
