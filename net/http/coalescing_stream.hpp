// A stream that gathers the small writes made during one turn of the kj
// event loop and passes them on as one write once the loop is otherwise
// idle (kj::evalLast). kj-http writes a response's head and its body
// separately; over TLS each write is a record and a system call of its own,
// so gathering them halves both for the API server's small answers (and a
// watch's events written in one turn leave together).
//
// Writes under small_write_bytes_max complete at once while nothing is
// being written, else once what is being written is done; what is gathered
// also goes out as soon as it reaches gathered_bytes_max (a writer that
// never yields, a stream pumping a fast producer, is not held until the
// loop idles). So at most about two batches are held. Larger writes go out
// in order, unbuffered, and complete when written. A failed write fails
// every later one. flushed() resolves once everything written so far is
// out: the server waits for it before it drops a connection. Reads and
// everything else pass through.
#pragma once

#include <kj/async-io.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace troupe::net {

class coalescing_stream final : public kj::AsyncIoStream {
 public:
  static constexpr std::size_t small_write_bytes_max = 16 * 1024;
  static constexpr std::size_t gathered_bytes_max = 64 * 1024;

  explicit coalescing_stream(kj::Own<kj::AsyncIoStream> inner);

  kj::Promise<void> flushed();

  kj::Promise<std::size_t> tryRead(void* buffer, std::size_t minBytes,
                                   std::size_t maxBytes) override;
  kj::Maybe<std::uint64_t> tryGetLength() override;
  kj::Promise<void> write(const void* buffer, std::size_t size) override;
  kj::Promise<void> write(kj::ArrayPtr<const kj::ArrayPtr<const kj::byte>> pieces) override;
  kj::Promise<void> whenWriteDisconnected() override;
  void shutdownWrite() override;
  void abortRead() override;
  void getsockopt(int level, int option, void* value, kj::uint* length) override;
  void setsockopt(int level, int option, const void* value, kj::uint length) override;
  void getsockname(struct sockaddr* addr, kj::uint* length) override;
  void getpeername(struct sockaddr* addr, kj::uint* length) override;
  kj::Maybe<int> getFd() const override;

 private:
  // Appends a write of what is gathered to the chain of writes.
  void send_gathered();
  // Appends `write` to the chain; the result completes when it is done.
  kj::Promise<void> enqueue(kj::Function<kj::Promise<void>()> write);
  kj::Promise<void> accept_small(kj::ArrayPtr<const kj::ArrayPtr<const kj::byte>> pieces);

  kj::Own<kj::AsyncIoStream> inner_;
  std::string gathered_;
  bool send_scheduled_ = false;
  std::size_t writes_in_flight_ = 0;
  kj::ForkedPromise<void> chain_;
  kj::Maybe<kj::Promise<void>> scheduled_;
  kj::Maybe<kj::Exception> failure_;
};

}  // namespace troupe::net
