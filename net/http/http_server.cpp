#include "net/http/http_server.hpp"

#include <kj/async-io.h>
#include <kj/async-unix.h>
#include <kj/compat/http.h>
#include <kj/compat/tls.h>
#include <kj/debug.h>

#include <atomic>
#include <cstdio>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include <sys/socket.h>
#include <unistd.h>

#include "net/http/coalescing_stream.hpp"
#include "net/http/stream_state.hpp"

namespace troupe::net {

namespace {

const char* status_text(unsigned code) {
  switch (code) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 413:
      return "Request Entity Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return code < 400 ? "OK" : "Error";
  }
}

struct stream_start {
  unsigned code = 200;
  std::string content_type;
  std::shared_ptr<stream_state> stream;
};

struct reply {
  std::variant<http_response, stream_start> value;
};

class responder final : public http_responder {
 public:
  responder(kj::Own<kj::CrossThreadPromiseFulfiller<reply>> fulfiller, std::size_t stream_max,
            std::shared_ptr<stream_budget> budget)
      : fulfiller_(kj::mv(fulfiller)), stream_max_(stream_max), budget_(std::move(budget)) {}
  ~responder() noexcept override = default;

  void respond(http_response response) override {
    std::lock_guard lock(mutex_);
    if (fulfiller_.get() == nullptr) return;
    fulfiller_->fulfill(reply{std::move(response)});
    fulfiller_ = nullptr;
  }

  std::shared_ptr<http_stream> stream(unsigned code, std::string content_type) override {
    auto stream = std::make_shared<stream_state>(stream_max_, budget_);
    std::lock_guard lock(mutex_);
    if (fulfiller_.get() == nullptr || !fulfiller_->isWaiting()) {
      stream->close();
      fulfiller_ = nullptr;
      return stream;
    }
    fulfiller_->fulfill(reply{stream_start{code, std::move(content_type), stream}});
    fulfiller_ = nullptr;
    return stream;
  }

 private:
  std::mutex mutex_;
  kj::Own<kj::CrossThreadPromiseFulfiller<reply>> fulfiller_;
  std::size_t stream_max_;
  std::shared_ptr<stream_budget> budget_;
};

struct header_ids {
  kj::HttpHeaderId content_type;
  kj::HttpHeaderId content_length;
  kj::HttpHeaderId accept;
};

// Who is on the other end of a connection, and its socket (-1 if unknown).
struct connection_info {
  http_peer peer;
  int fd = -1;
};

// A request body as read so far, into the string itself: a body of known
// length (Content-Length, at most the limit; none at all) is read in place
// without a buffer of its own; a chunked one grows by body_chunk_bytes per read.
constexpr std::size_t body_chunk_bytes = 16 * 1024;

struct body_reader {
  std::string body;
  std::optional<std::size_t> length;  // unknown for a chunked body
};

// Reads the whole body, or stops once it holds more than `limit` bytes (so
// the caller answers 413). kj's readAllBytes(limit) throws on reaching its
// limit instead, which kj-http answered with a 500.
kj::Promise<void> read_body(kj::AsyncInputStream& input, std::size_t limit, body_reader& reader) {
  const auto offset = reader.body.size();
  if (reader.length && offset >= *reader.length) return kj::READY_NOW;
  const auto wanted = reader.length ? *reader.length - offset : body_chunk_bytes;
  reader.body.resize(offset + wanted);
  return input.tryRead(reader.body.data() + offset, 1, wanted)
      .then([&input, limit, &reader, offset](std::size_t amount) -> kj::Promise<void> {
        reader.body.resize(offset + amount);
        if (amount == 0 || reader.body.size() > limit) return kj::READY_NOW;
        return read_body(input, limit, reader);
      });
}

// The read side of a connection, observed on a duplicate descriptor that
// is never read (kj-http's own reads are untouched).
struct read_side_watch {
  read_side_watch(kj::UnixEventPort& port, int duplicate)
      : descriptor(duplicate),
        observer(port, duplicate, kj::UnixEventPort::FdObserver::OBSERVE_READ) {}
  kj::AutoCloseFd descriptor;
  kj::UnixEventPort::FdObserver observer;
};

kj::Promise<void> read_side_end(kj::UnixEventPort::FdObserver& observer) {
  return observer.whenBecomesReadable().then([&observer]() -> kj::Promise<void> {
    KJ_IF_MAYBE (at_end, observer.atEndHint()) {
      if (*at_end) return kj::READY_NOW;
    }
    return read_side_end(observer);
  });
}

}  // namespace

class http_server::impl final : private kj::TaskSet::ErrorHandler {
 public:
  impl(http_server_config config, std::shared_ptr<http_handler> handler)
      : config_(std::move(config)), handler_(std::move(handler)) {}

  ~impl() { stop(); }

  std::variant<std::uint16_t, std::string> start() {
    std::promise<std::variant<std::uint16_t, std::string>> started;
    auto result = started.get_future();
    thread_ = std::thread([this, &started] { run(started); });
    auto outcome = result.get();
    if (std::holds_alternative<std::string>(outcome)) thread_.join();
    return outcome;
  }

  std::uint16_t port() const { return port_; }

  void stop() {
    if (!thread_.joinable()) return;
    kj::Own<const kj::Executor> executor;
    {
      std::lock_guard lock(executor_mutex_);
      if (executor_.get() != nullptr) executor = executor_->addRef();
    }
    // A server thread that already ended leaves an executor that is not
    // live: nothing to shut down then.
    if (executor.get() != nullptr && executor->isLive()) {
      auto failure = kj::runCatchingExceptions([this, &executor] {
        executor->executeSync([this]() -> kj::Promise<void> { return shut_down(); });
      });
      KJ_IF_MAYBE (exception, failure) {
        std::fprintf(stderr, "http server: stopping: %s\n", exception->getDescription().cStr());
      }
    }
    thread_.join();
  }

  // Per connection: who is on the other end.
  class service final : public kj::HttpService {
   public:
    service(impl& server, connection_info connection)
        : server_(server), connection_(std::move(connection)) {}

    kj::Promise<void> request(kj::HttpMethod method, kj::StringPtr url,
                              const kj::HttpHeaders& headers, kj::AsyncInputStream& body,
                              Response& response) override {
      return server_.serve(connection_, method, url, headers, body, response);
    }

   private:
    impl& server_;
    connection_info connection_;
  };

 private:
  void run(std::promise<std::variant<std::uint16_t, std::string>>& started) {
    bool told = false;
    auto failure = kj::runCatchingExceptions([&] {
      auto io = kj::setupAsyncIo();
      kj::HttpHeaderTable::Builder builder;
      ids_.content_type = builder.add("Content-Type");
      ids_.content_length = builder.add("Content-Length");
      ids_.accept = builder.add("Accept");
      auto table = builder.build();
      table_ = table.get();
      timer_ = &io.provider->getTimer();
      event_port_ = &io.unixEventPort;
      kj::TaskSet tasks(*this);
      tasks_ = &tasks;
      kj::Own<kj::TlsContext> tls;
      kj::Maybe<kj::TlsKeypair> keypair;
      kj::Vector<kj::TlsCertificate> trusted;
      if (!config_.certificate_pem.empty()) {
        keypair =
            kj::TlsKeypair{kj::TlsPrivateKey(kj::StringPtr(config_.key_pem.c_str())),
                           kj::TlsCertificate(kj::StringPtr(config_.certificate_pem.c_str()))};
        trusted.add(kj::TlsCertificate(kj::StringPtr(config_.client_ca_pem.c_str())));
        kj::TlsContext::Options options;
        options.useSystemTrustStore = false;
        options.verifyClients = true;
        options.trustedCertificates = trusted.asPtr();
        KJ_IF_MAYBE (pair, keypair) {
          options.defaultKeypair = *pair;
        }
        tls = kj::heap<kj::TlsContext>(kj::mv(options));
      }
      tls_ = tls.get();
      auto address = io.provider->getNetwork()
                         .parseAddress(kj::StringPtr(config_.host.c_str()), config_.port)
                         .wait(io.waitScope);
      auto listener = address->listen();
      port_ = static_cast<std::uint16_t>(listener->getPort());
      listener_ = listener.get();
      kj::HttpServerSettings settings;
      // A body refused unread (413) is still drained, up to this much, so
      // the client finishes writing and reads the answer instead of seeing
      // its connection reset.
      settings.canceledUploadGraceBytes = config_.refused_body_drain_bytes;
      settings.canceledUploadGracePeriod = 10 * kj::SECONDS;
      kj::HttpServer server(
          *timer_, *table, [this](kj::AsyncIoStream& stream) { return make_service(stream); },
          settings);
      server_ = &server;
      accepting_ = accept_loop();
      auto stopped = kj::newPromiseAndFulfiller<void>();
      stopped_ = kj::mv(stopped.fulfiller);
      {
        std::lock_guard lock(executor_mutex_);
        executor_ = kj::getCurrentThreadExecutor().addRef();
      }
      started.set_value(port_);
      told = true;
      stopped.promise.wait(io.waitScope);
      accepting_ = nullptr;
      server_ = nullptr;
      listener_ = nullptr;
      tasks_ = nullptr;
    });
    KJ_IF_MAYBE (exception, failure) {
      if (!told) {
        started.set_value("cannot serve HTTP on " + config_.host + ":" +
                          std::to_string(config_.port) + ": " + exception->getDescription().cStr());
      } else {
        std::fprintf(stderr, "http server: %s\n", exception->getDescription().cStr());
      }
    }
  }

  kj::Own<kj::HttpService> make_service(kj::AsyncIoStream& stream) {
    // Every connection is served through its coalescing_stream (listen).
    auto found = peers_.find(&kj::downcast<coalescing_stream>(stream));
    return kj::heap<service>(*this, found == peers_.end() ? connection_info{} : found->second);
  }

  // Accepts while fewer than connections_max connections are open; at the
  // bound, waits for one to close.
  kj::Promise<void> accept_loop() {
    if (open_connections_ >= config_.connections_max) {
      auto slot = kj::newPromiseAndFulfiller<void>();
      connection_closed_ = kj::mv(slot.fulfiller);
      return slot.promise.then([this] { return accept_loop(); });
    }
    return listener_->acceptAuthenticated()
        .then([this](kj::AuthenticatedStream connection) {
          ++open_connections_;
          tasks_->add(serve_connection(kj::mv(connection)).attach(kj::defer([this] {
            --open_connections_;
            KJ_IF_MAYBE (waiting, connection_closed_) {
              (*waiting)->fulfill();
            }
            connection_closed_ = nullptr;
          })));
        })
        .catch_([this](kj::Exception&& exception) {
          // kj's accept() throws on EMFILE/ENFILE: say so, keep serving the
          // open connections and accept again shortly, instead of never.
          std::fprintf(stderr, "http server: accept: %s\n", exception.getDescription().cStr());
          return timer_->afterDelay(100 * kj::MILLISECONDS);
        })
        .then([this] { return accept_loop(); });
  }

  kj::Promise<void> serve_connection(kj::AuthenticatedStream connection) {
    int fd = -1;
    KJ_IF_MAYBE (descriptor, connection.stream->getFd()) {
      fd = *descriptor;
    }
    if (tls_ == nullptr) {
      http_peer peer{"", connection.peerIdentity->toString().cStr()};
      return listen(kj::mv(connection.stream), {std::move(peer), fd});
    }
    auto secured = timer_->timeoutAfter(config_.handshake_timeout.count() * kj::MILLISECONDS,
                                        tls_->wrapServer(kj::mv(connection)));
    return secured.then([this, fd](kj::AuthenticatedStream connection) {
      auto& identity = kj::downcast<kj::TlsPeerIdentity>(*connection.peerIdentity);
      http_peer peer{identity.hasCertificate() ? identity.getCommonName().cStr() : "",
                     identity.getNetworkIdentity().toString().cStr()};
      return listen(kj::mv(connection.stream), {std::move(peer), fd})
          .attach(kj::mv(connection.peerIdentity));
    });
  }

  // Serves a connection through a coalescing_stream (one write per turn),
  // and sends what it still holds before the connection is dropped.
  kj::Promise<void> listen(kj::Own<kj::AsyncIoStream> stream, connection_info connection) {
    auto gathering = kj::heap<coalescing_stream>(kj::mv(stream));
    auto& served = *gathering;
    peers_.emplace(&served, std::move(connection));
    return server_->listenHttpCleanDrain(served)
        .then([&served](bool) { return served.flushed(); })
        .attach(kj::mv(gathering), kj::defer([this, key = &served] { peers_.erase(key); }));
  }

  kj::Promise<void> serve(const connection_info& connection, kj::HttpMethod method,
                          kj::StringPtr url, const kj::HttpHeaders& headers,
                          kj::AsyncInputStream& body, kj::HttpService::Response& response) {
    http_request request;
    request.method = kj::str(method).cStr();
    request.url = url.cStr();
    request.peer = connection.peer;
    KJ_IF_MAYBE (type, headers.get(ids_.content_type)) {
      request.content_type = type->cStr();
    }
    KJ_IF_MAYBE (accept, headers.get(ids_.accept)) {
      request.accept = accept->cStr();
    }
    const bool long_running =
        config_.long_running && config_.long_running(request.method, request.url);
    if (!long_running && in_flight_ >= config_.requests_in_flight_max)
      return send(response, config_.too_many_requests(1));
    KJ_IF_MAYBE (length, headers.get(ids_.content_length)) {
      char* end = nullptr;
      auto declared = std::strtoull(length->cStr(), &end, 10);
      if (declared > config_.body_bytes_max)
        return send(response, config_.too_large(config_.body_bytes_max));
    }
    if (!long_running) ++in_flight_;
    auto release = kj::defer([this, long_running] {
      if (!long_running) --in_flight_;
    });
    // url and headers are invalid once the body is read: everything needed
    // was copied into `request` above.
    auto reader = kj::heap<body_reader>();
    KJ_IF_MAYBE (length, body.tryGetLength()) {
      reader->length = static_cast<std::size_t>(*length);
    }
    auto& reading = *reader;
    return read_body(body, config_.body_bytes_max, reading)
        .then([this, request = std::move(request), &response, reader = kj::mv(reader),
               fd = connection.fd]() mutable {
          if (reader->body.size() > config_.body_bytes_max)
            return send(response, config_.too_large(config_.body_bytes_max));
          request.body = std::move(reader->body);
          auto paf = kj::newPromiseAndCrossThreadFulfiller<reply>();
          auto answer = std::make_shared<responder>(kj::mv(paf.fulfiller),
                                                    config_.stream_queue_bytes_max, stream_budget_);
          handler_->handle(std::move(request), answer);
          return paf.promise.then([this, &response, fd](reply result) {
            return deliver(response, kj::mv(result), fd);
          });
        })
        .attach(kj::mv(release));
  }

  kj::Promise<void> send(kj::HttpService::Response& response, http_response answer) {
    kj::HttpHeaders headers(*table_);
    if (!answer.content_type.empty())
      headers.set(ids_.content_type, kj::heapString(answer.content_type.c_str()));
    for (auto& [name, value] : answer.headers)
      headers.add(kj::heapString(name.c_str()), kj::heapString(value.c_str()));
    auto body = kj::heapString(answer.body.data(), answer.body.size());
    auto out = response.send(answer.code, status_text(answer.code), headers, body.size());
    auto& stream = *out;
    return stream.write(body.begin(), body.size()).attach(kj::mv(out), kj::mv(body));
  }

  kj::Promise<void> deliver(kj::HttpService::Response& response, reply result, int fd) {
    if (auto* answer = std::get_if<http_response>(&result.value))
      return send(response, std::move(*answer));
    auto& start = std::get<stream_start>(result.value);
    kj::HttpHeaders headers(*table_);
    headers.set(ids_.content_type, kj::heapString(start.content_type.c_str()));
    auto out = response.send(start.code, status_text(start.code), headers, nullptr);
    streams_.insert(start.stream);
    auto stream = start.stream;
    auto left = kj::heap<kj::ForkedPromise<void>>(client_left(fd).fork());
    auto& client_gone = *left;
    auto forget = kj::defer([this, stream] { streams_.erase(stream); });
    return pump(stream, kj::mv(out), client_gone, fd).attach(kj::mv(left), kj::mv(forget));
  }

  // Resolves once the client closed its end of the connection. kj reports
  // a disconnect (whenWriteDisconnected) only on an error or a hang-up of
  // both directions, which a client's close() causes only after the server
  // writes again: an idle watch would never learn its client left. The end
  // of the read side (EPOLLRDHUP) means the client left, as Go's server
  // takes it (a client that half-closes and still reads is cut off too).
  kj::Promise<void> client_left(int fd) {
    int duplicate = fd < 0 ? -1 : ::dup(fd);
    if (duplicate < 0) return kj::NEVER_DONE;
    auto watch = kj::heap<read_side_watch>(*event_port_, duplicate);
    auto& observer = watch->observer;
    return read_side_end(observer).attach(kj::mv(watch));
  }

  // A stream closed before its end (its client left or fell too far behind,
  // a write failed) leaves its body unfinished: the connection can serve
  // nothing more, so it ends now, not after kj's timeouts.
  static kj::Promise<void> abandon(int fd) {
    if (fd >= 0) ::shutdown(fd, SHUT_RDWR);
    return kj::READY_NOW;
  }

  // Writes what the stream has, waits for more; ends with the stream.
  kj::Promise<void> pump(std::shared_ptr<stream_state> stream, kj::Own<kj::AsyncOutputStream> out,
                         kj::ForkedPromise<void>& client_gone, int fd) {
    auto taken = stream->take();
    if (taken.closed) return abandon(fd);
    if (!taken.data.empty()) {
      auto data = kj::heapString(taken.data.data(), taken.data.size());
      auto& target = *out;
      auto size = data.size();
      // A stream closed meanwhile (its client fell too far behind and does
      // not read) gives the write up.
      enum class outcome { written, failed, given_up };
      auto written = target.write(data.begin(), size)
                         .attach(kj::mv(data))
                         .then([] { return outcome::written; },
                               [](kj::Exception&&) { return outcome::failed; });
      auto given_up = stream->closed().then([] { return outcome::given_up; });
      return written.exclusiveJoin(kj::mv(given_up))
          .then([this, stream, size, out = kj::mv(out), &client_gone,
                 fd](outcome result) mutable -> kj::Promise<void> {
            stream->written(size);
            if (result == outcome::written) return pump(stream, kj::mv(out), client_gone, fd);
            stream->close();
            return abandon(fd);
          });
    }
    if (taken.ended) return kj::READY_NOW;
    auto& target = *out;
    auto gone =
        target.whenWriteDisconnected().exclusiveJoin(client_gone.addBranch()).then([stream] {
          stream->close();
        });
    return stream->ready()
        .exclusiveJoin(kj::mv(gone))
        .then([this, stream, out = kj::mv(out), &client_gone, fd]() mutable {
          return pump(stream, kj::mv(out), client_gone, fd);
        });
  }

  kj::Promise<void> shut_down() {
    accepting_ = nullptr;
    for (const auto& stream : streams_) stream->end_by_server();
    if (server_ == nullptr) {
      finish();
      return kj::READY_NOW;
    }
    // kj-http counts a connection done once its last answer is handed to
    // the stream; the answers still gathered there go out before the end.
    auto drained = server_->drain().then([this] {
      auto flushes = kj::heapArrayBuilder<kj::Promise<void>>(peers_.size());
      for (const auto& [stream, peer] : peers_)
        flushes.add(stream->flushed().catch_([](kj::Exception&&) {}));
      return kj::joinPromises(flushes.finish());
    });
    return timer_->timeoutAfter(config_.drain_timeout.count() * kj::MILLISECONDS, kj::mv(drained))
        .then([this] { finish(); }, [this](kj::Exception&&) { finish(); });
  }

  void finish() {
    for (const auto& stream : streams_) stream->close();
    KJ_IF_MAYBE (fulfiller, stopped_) {
      (*fulfiller)->fulfill();
    }
    stopped_ = nullptr;
  }

  void taskFailed(kj::Exception&& exception) override {
    // A connection that failed is not the server's failure: a client gone
    // says nothing; anything else (a TLS handshake refused, a protocol
    // error) is worth a line, as Go's server logs TLS handshake errors.
    if (exception.getType() == kj::Exception::Type::DISCONNECTED) return;
    std::fprintf(stderr, "http server: a connection failed: %s\n",
                 exception.getDescription().cStr());
  }

  http_server_config config_;
  std::shared_ptr<http_handler> handler_;
  std::thread thread_;
  std::atomic<std::uint16_t> port_{0};
  // The server thread's executor (kept alive here; not live once the
  // thread's loop ended), set by the server thread, used by stop().
  std::mutex executor_mutex_;
  kj::Own<const kj::Executor> executor_;
  // Everything below lives on the server's thread.
  header_ids ids_{};
  const kj::HttpHeaderTable* table_ = nullptr;
  kj::Timer* timer_ = nullptr;
  kj::UnixEventPort* event_port_ = nullptr;
  kj::TaskSet* tasks_ = nullptr;
  kj::TlsContext* tls_ = nullptr;
  kj::ConnectionReceiver* listener_ = nullptr;
  kj::HttpServer* server_ = nullptr;
  kj::Maybe<kj::Promise<void>> accepting_;
  std::size_t open_connections_ = 0;
  kj::Maybe<kj::Own<kj::PromiseFulfiller<void>>> connection_closed_;  // the accept loop waits
  kj::Maybe<kj::Own<kj::PromiseFulfiller<void>>> stopped_;
  std::map<coalescing_stream*, connection_info> peers_;  // every connection
  std::set<std::shared_ptr<stream_state>> streams_;
  std::shared_ptr<stream_budget> stream_budget_ =
      std::make_shared<stream_budget>(config_.stream_queue_bytes_total_max);
  std::size_t in_flight_ = 0;
};

std::variant<std::unique_ptr<http_server>, std::string> http_server::start(
    http_server_config config, std::shared_ptr<http_handler> handler) {
  auto implementation = std::make_unique<impl>(std::move(config), std::move(handler));
  auto started = implementation->start();
  if (auto* error = std::get_if<std::string>(&started)) return *error;
  return std::unique_ptr<http_server>(new http_server(std::move(implementation)));
}

http_server::http_server(std::unique_ptr<impl> implementation) : impl_(std::move(implementation)) {}

http_server::~http_server() {
  stop();
}

std::uint16_t http_server::port() const {
  return impl_->port();
}

void http_server::stop() {
  impl_->stop();
}

}  // namespace troupe::net
