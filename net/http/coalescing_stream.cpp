#include "net/http/coalescing_stream.hpp"

#include <utility>

namespace troupe::net {

coalescing_stream::coalescing_stream(kj::Own<kj::AsyncIoStream> inner)
    : inner_(kj::mv(inner)), chain_(kj::Promise<void>(kj::READY_NOW).fork()) {}

kj::Promise<void> coalescing_stream::enqueue(kj::Function<kj::Promise<void>()> write) {
  ++writes_in_flight_;
  chain_ = chain_.addBranch()
               .then([write = kj::mv(write)]() mutable { return write(); })
               .then([this] { --writes_in_flight_; },
                     [this](kj::Exception&& exception) {
                       --writes_in_flight_;
                       if (failure_ == nullptr) failure_ = kj::cp(exception);
                       kj::throwFatalException(kj::mv(exception));
                     })
               .eagerlyEvaluate(nullptr)
               .fork();
  return chain_.addBranch();
}

void coalescing_stream::send_gathered() {
  if (gathered_.empty()) return;
  auto data = kj::heap<std::string>(std::exchange(gathered_, {}));
  // Completion is observed through the chain (later writes, flushed()).
  (void)enqueue([this, data = kj::mv(data)]() mutable {
    auto& bytes = *data;
    return inner_->write(bytes.data(), bytes.size()).attach(kj::mv(data));
  });
}

kj::Promise<void> coalescing_stream::accept_small(
    kj::ArrayPtr<const kj::ArrayPtr<const kj::byte>> pieces) {
  for (auto piece : pieces)
    gathered_.append(reinterpret_cast<const char*>(piece.begin()), piece.size());
  if (gathered_.size() >= gathered_bytes_max) {
    send_gathered();
  } else if (!send_scheduled_) {
    send_scheduled_ = true;
    scheduled_ = kj::evalLast([this] {
                   send_scheduled_ = false;
                   send_gathered();
                 }).eagerlyEvaluate(nullptr);
  }
  // Bounded: while a batch is on its way, the writer waits for it.
  if (writes_in_flight_ > 0) return chain_.addBranch();
  return kj::READY_NOW;
}

kj::Promise<void> coalescing_stream::write(
    kj::ArrayPtr<const kj::ArrayPtr<const kj::byte>> pieces) {
  KJ_IF_MAYBE (failure, failure_) {
    return kj::cp(*failure);
  }
  std::size_t total = 0;
  for (auto piece : pieces) total += piece.size();
  if (total < small_write_bytes_max) return accept_small(pieces);
  send_gathered();
  // The caller keeps the bytes alive until the write completes, not
  // necessarily the list of pieces.
  auto copy = kj::heapArray(pieces);
  return enqueue([this, copy = kj::mv(copy)]() mutable {
    auto list = copy.asPtr();
    return inner_->write(list).attach(kj::mv(copy));
  });
}

kj::Promise<void> coalescing_stream::write(const void* buffer, std::size_t size) {
  kj::ArrayPtr<const kj::byte> piece(static_cast<const kj::byte*>(buffer), size);
  return write(kj::arrayPtr(&piece, 1));
}

kj::Promise<void> coalescing_stream::flushed() {
  send_gathered();
  return chain_.addBranch();
}

kj::Promise<std::size_t> coalescing_stream::tryRead(void* buffer, std::size_t minBytes,
                                                    std::size_t maxBytes) {
  return inner_->tryRead(buffer, minBytes, maxBytes);
}

kj::Maybe<std::uint64_t> coalescing_stream::tryGetLength() {
  return inner_->tryGetLength();
}

kj::Promise<void> coalescing_stream::whenWriteDisconnected() {
  return inner_->whenWriteDisconnected();
}

void coalescing_stream::shutdownWrite() {
  send_gathered();
  (void)enqueue([this]() -> kj::Promise<void> {
    inner_->shutdownWrite();
    return kj::READY_NOW;
  });
}

void coalescing_stream::abortRead() {
  inner_->abortRead();
}

void coalescing_stream::getsockopt(int level, int option, void* value, kj::uint* length) {
  inner_->getsockopt(level, option, value, length);
}

void coalescing_stream::setsockopt(int level, int option, const void* value, kj::uint length) {
  inner_->setsockopt(level, option, value, length);
}

void coalescing_stream::getsockname(struct sockaddr* addr, kj::uint* length) {
  inner_->getsockname(addr, length);
}

void coalescing_stream::getpeername(struct sockaddr* addr, kj::uint* length) {
  inner_->getpeername(addr, length);
}

kj::Maybe<int> coalescing_stream::getFd() const {
  return inner_->getFd();
}

}  // namespace troupe::net
