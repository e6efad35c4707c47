// A streamed (chunked) answer's queue: filled by any thread, drained by the
// server's thread. Two bounds close a stream whose client falls behind: its
// own backlog (bytes_max), and the bytes queued by every stream of the
// server together (a shared stream_budget), so 16,384 slow watchers cannot
// hold 16,384 times one stream's bound.
#pragma once

#include <kj/async.h>

#include <atomic>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "net/http/http_types.hpp"

namespace troupe::net {

// Bytes queued across streams, at most `max`.
class stream_budget {
 public:
  explicit stream_budget(std::size_t max) : max_(max) {}
  // False (and nothing taken) if `bytes` more would pass the bound.
  bool take(std::size_t bytes);
  void give_back(std::size_t bytes);

 private:
  const std::size_t max_;
  std::atomic<std::size_t> used_{0};
};

class stream_state final : public http_stream {
 public:
  stream_state(std::size_t bytes_max, std::shared_ptr<stream_budget> budget);
  // kj::Own members make the implicit destructor noexcept(false).
  ~stream_state() noexcept override;

  bool push(std::string chunk) override;
  void end() override;
  void on_close(std::function<void()> callback) override;

  struct taken {
    std::string data;
    bool ended = false;
    bool closed = false;
  };

  // Server thread: everything queued so far. Its bytes stay counted against
  // both bounds until written() says they left.
  taken take();
  // Server thread: `bytes` taken earlier were written (or dropped).
  void written(std::size_t bytes);
  // Server thread: resolves once there is something to take.
  kj::Promise<void> ready();
  // Server thread: resolves once the stream is closed (one caller at a time),
  // so a write its client does not read can be given up.
  kj::Promise<void> closed();
  // The server stops: what is queued is still sent, then the body ends
  // cleanly, and the producer is told (on_close) to send no more.
  void end_by_server();
  // The client left, or the server stops without a clean end.
  void close();

 private:
  // Called with mutex_ held.
  void wake();
  // Marks the stream closed and drops its queue; called with mutex_ held.
  // Returns the close callback, to run once mutex_ is released.
  std::function<void()> close_locked();

  std::mutex mutex_;
  const std::size_t bytes_max_;
  const std::shared_ptr<stream_budget> budget_;
  std::deque<std::string> queue_;
  std::size_t queued_bytes_ = 0;   // in queue_
  std::size_t writing_bytes_ = 0;  // taken, not yet written()
  bool ended_ = false;
  bool closed_ = false;
  std::function<void()> on_close_;
  kj::Own<kj::CrossThreadPromiseFulfiller<void>> waiter_;
  kj::Own<kj::CrossThreadPromiseFulfiller<void>> closed_waiter_;
};

}  // namespace troupe::net
