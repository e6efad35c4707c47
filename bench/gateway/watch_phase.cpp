#include "bench/gateway/watch_phase.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string_view>
#include <vector>

#include "bench/gateway/latency_summary.hpp"
#include "bench/gateway/load_runner.hpp"
#include "bench/gateway/request_bodies.hpp"

namespace troupe::bench {

namespace {

// One read of a watch stream; a busy stream delivers many event lines
// (a few hundred bytes each) per read.
constexpr std::size_t read_buffer_bytes = 64 * 1024;
// Opening a thousand watches takes a few seconds here; a minute means the
// server is not answering them.
constexpr kj::Duration watch_open_timeout = 60 * kj::SECONDS;
// The first create is due this long after the schedule is made, so that
// it is not late from the start.
constexpr kj::Duration schedule_lead = 100 * kj::MILLISECONDS;
constexpr kj::Duration drain_poll = 20 * kj::MILLISECONDS;
constexpr std::size_t failure_text_max = 300;

std::int64_t steady_ns(steady::time_point time) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
}

struct watch_stream {
  kj::Own<connection> link;
  kj::Own<kj::AsyncInputStream> body;
  kj::Array<kj::byte> buffer;
  std::string pending;                  // the start of a line not complete yet
  std::vector<bool> seen;               // by probe index
  kj::Promise<void> reading = nullptr;  // destroyed first: it reads `body`
};

class watch_run {
 public:
  watch_run(client_context& context, const watch_settings& settings)
      : context_(context),
        settings_(settings),
        total_creates_(settings.rate_per_second * settings.seconds),
        collection_path_("/api/v1/namespaces/" + settings.namespace_name + "/configmaps") {}

  bool run() {
    std::string resource_version;
    if (!prepare_namespace(resource_version)) return false;
    open_watches(resource_version);
    create_probes();
    drain();
    auto passed = report();
    streams_.clear();
    return passed;
  }

 private:
  kj::WaitScope& wait_scope() { return context_.io().waitScope; }

  void fail(std::string text) {
    ++errors_;
    if (!first_failure_.empty()) return;
    if (text.size() > failure_text_max) text.resize(failure_text_max);
    first_failure_ = std::move(text);
  }

  // Creates the namespace and lists it, for the revision the watches start at.
  bool prepare_namespace(std::string& resource_version) {
    auto link = open_connection(context_).wait(wait_scope());
    auto made = exchange(context_, *link, kj::HttpMethod::POST, "/api/v1/namespaces",
                         namespace_body(settings_.namespace_name))
                    .wait(wait_scope());
    if (made.status != 201 && made.status != 409) {
      std::cerr << "gateway_bench watch: creating namespace " << settings_.namespace_name
                << ": status " << made.status << ": " << made.body.cStr() << std::endl;
      return false;
    }
    auto listed =
        exchange(context_, *link, kj::HttpMethod::GET, collection_path_, "").wait(wait_scope());
    auto list = nlohmann::json::parse(listed.body.begin(), listed.body.end(), nullptr, false);
    if (listed.status == 200 && list.is_object() && list.contains("metadata") &&
        list["metadata"].is_object() && list["metadata"].contains("resourceVersion") &&
        list["metadata"]["resourceVersion"].is_string()) {
      resource_version = list["metadata"]["resourceVersion"].get<std::string>();
      return true;
    }
    std::cerr << "gateway_bench watch: listing " << collection_path_ << ": status " << listed.status
              << ": " << listed.body.cStr() << std::endl;
    return false;
  }

  void open_watches(const std::string& resource_version) {
    auto links =
        open_connections(context_, settings_.watches, handshakes_in_flight_max).wait(wait_scope());
    auto path = collection_path_ + "?watch=true&resourceVersion=" + resource_version;
    kj::Vector<kj::Promise<void>> opening;
    for (auto& link : links) {
      auto stream = std::make_unique<watch_stream>();
      stream->link = kj::mv(link);
      stream->buffer = kj::heapArray<kj::byte>(read_buffer_bytes);
      stream->seen.resize(total_creates_);
      opening.add(open_watch(*stream, path));
      streams_.push_back(std::move(stream));
    }
    auto all = kj::joinPromises(opening.releaseAsArray());
    auto failure = kj::runCatchingExceptions(
        [&] { context_.timer().timeoutAfter(watch_open_timeout, kj::mv(all)).wait(wait_scope()); });
    KJ_IF_MAYBE (exception, failure) {
      fail(std::string("opening the watches: ") + exception->getDescription().cStr());
    }
    std::cerr << "gateway_bench watch: " << open_ << " of " << settings_.watches << " watches open"
              << std::endl;
  }

  kj::Promise<void> open_watch(watch_stream& stream, const std::string& path) {
    return open_stream(context_, *stream.link, path)
        .then(
            [this, &stream](kj::HttpClient::Response&& response) -> kj::Promise<void> {
              if (response.statusCode != 200) {
                auto status = response.statusCode;
                auto& body = *response.body;
                return body.readAllText()
                    .attach(kj::mv(response.body))
                    .then([this, status](kj::String text) {
                      fail("a watch was answered " + std::to_string(status) + ": " + text.cStr());
                    });
              }
              stream.body = kj::mv(response.body);
              ++open_;
              stream.reading = read_events(stream).eagerlyEvaluate([this](kj::Exception&& error) {
                fail(std::string("a watch stream broke: ") + error.getDescription().cStr());
              });
              return kj::READY_NOW;
            },
            [this](kj::Exception&& error) {
              fail(std::string("a watch request failed: ") + error.getDescription().cStr());
            });
  }

  kj::Promise<void> read_events(watch_stream& stream) {
    return stream.body->tryRead(stream.buffer.begin(), 1, stream.buffer.size())
        .then([this, &stream](std::size_t bytes) -> kj::Promise<void> {
          if (bytes == 0) {
            fail("a watch ended before the phase did");
            return kj::READY_NOW;
          }
          consume(stream, bytes, steady_ns(steady::now()));
          return read_events(stream);
        });
  }

  void consume(watch_stream& stream, std::size_t bytes, std::int64_t arrived_ns) {
    stream.pending.append(reinterpret_cast<const char*>(stream.buffer.begin()), bytes);
    std::string_view text(stream.pending);
    std::size_t start = 0;
    for (auto end = text.find('\n'); end != std::string_view::npos; end = text.find('\n', start)) {
      take_line(stream, text.substr(start, end - start), arrived_ns);
      start = end + 1;
    }
    stream.pending.erase(0, start);
  }

  // Lines without the probe are bookmarks, or an ERROR event (a Status) by
  // which the server ends the watch: that one is a failure worth showing.
  void take_line(watch_stream& stream, std::string_view line, std::int64_t arrived_ns) {
    auto at = line.find(probe_marker);
    if (at == std::string_view::npos) {
      if (line.find(R"("type":"ERROR")") != std::string_view::npos)
        fail("a watch got an ERROR event: " + std::string(line));
      return;
    }
    auto probe = line.substr(at + probe_marker.size());
    std::size_t index = 0;
    std::int64_t sent_ns = 0;
    auto [index_end, index_error] =
        std::from_chars(probe.data(), probe.data() + probe.size(), index);
    if (index_error != std::errc() || index_end == probe.data() + probe.size() ||
        *index_end != ':' ||
        std::from_chars(index_end + 1, probe.data() + probe.size(), sent_ns).ec != std::errc() ||
        index >= stream.seen.size()) {
      fail("an event carries a probe that does not parse: " + std::string(probe.substr(0, 40)));
      return;
    }
    if (stream.seen[index]) {
      ++duplicates_;
      return;
    }
    stream.seen[index] = true;
    ++received_;
    delivery_.add(static_cast<double>(arrived_ns - sent_ns) / 1e6);
  }

  void create_probes() {
    auto links =
        open_connections(context_, settings_.creators, handshakes_in_flight_max).wait(wait_scope());
    auto start = context_.timer().now() + schedule_lead;
    kj::Vector<kj::Promise<void>> lanes;
    for (std::size_t lane = 0; lane < links.size(); ++lane)
      lanes.add(create_on_schedule(links[lane], lane, start));
    kj::joinPromises(lanes.releaseAsArray()).wait(wait_scope());
  }

  // Creates probe `index` at its time, then this lane's next one.
  kj::Promise<void> create_on_schedule(kj::Own<connection>& link, std::size_t index,
                                       kj::TimePoint start) {
    if (index >= total_creates_) return kj::READY_NOW;
    auto period_ns = static_cast<std::int64_t>(1'000'000'000 / settings_.rate_per_second);
    auto due = start + static_cast<std::int64_t>(index) * period_ns * kj::NANOSECONDS;
    return context_.timer()
        .atTime(due)
        .then([this, &link, index] {
          auto name = "probe-" + run_token() + "-" + std::to_string(index);
          return exchange(context_, *link, kj::HttpMethod::POST, collection_path_,
                          probe_body(name, index, steady_ns(steady::now())));
        })
        .then(
            [this](http_result&& answer) -> kj::Promise<void> {
              if (answer.status == 201) {
                ++created_;
              } else {
                fail("a create was answered " + std::to_string(answer.status) + ": " +
                     answer.body.cStr());
              }
              return kj::READY_NOW;
            },
            [this, &link](kj::Exception&& error) -> kj::Promise<void> {
              fail(std::string("a create failed: ") + error.getDescription().cStr());
              return open_connection(context_).then(
                  [&link](kj::Own<connection>&& fresh) { link = kj::mv(fresh); });
            })
        .then([this, &link, index, start] {
          return create_on_schedule(link, index + settings_.creators, start);
        });
  }

  void drain() {
    auto expected = created_ * open_;
    auto deadline = context_.timer().now() + settings_.drain_seconds * kj::SECONDS;
    while (received_ < expected && context_.timer().now() < deadline)
      context_.timer().afterDelay(drain_poll).wait(wait_scope());
  }

  bool report() {
    auto expected = created_ * open_;
    std::printf(
        "troupe watch watches=%zu open=%zu creates=%zu created=%zu events_expected=%zu "
        "events_received=%zu duplicates=%zu p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%zu\n",
        settings_.watches, open_, total_creates_, created_, expected, received_, duplicates_,
        delivery_.percentile(0.50), delivery_.percentile(0.99), delivery_.maximum(), errors_);
    std::fflush(stdout);
    if (!first_failure_.empty())
      std::cerr << "gateway_bench watch: first failure: " << first_failure_ << std::endl;
    return errors_ == 0 && duplicates_ == 0 && received_ == expected && open_ == settings_.watches;
  }

  client_context& context_;
  watch_settings settings_;
  std::size_t total_creates_;
  std::string collection_path_;
  std::vector<std::unique_ptr<watch_stream>> streams_;
  latency_summary delivery_;
  std::size_t open_ = 0;
  std::size_t created_ = 0;
  std::size_t received_ = 0;
  std::size_t duplicates_ = 0;
  std::size_t errors_ = 0;
  std::string first_failure_;
};

}  // namespace

bool run_watch_phase(client_context& context, const watch_settings& settings) {
  return watch_run(context, settings).run();
}

}  // namespace troupe::bench
