// Proves net::coalescing_stream against a recording stream on a kj event
// loop: small writes made in one turn reach the inner stream as one write,
// in order, once the loop is idle (or once they reach the bound); a large
// write goes out unbuffered after what was gathered before it; while a
// batch is on its way the writer waits for it; flushed() sends what is
// held; a failed write fails every later one; reads pass through.
#include <catch2/catch.hpp>

#include <kj/async-io.h>
#include <kj/debug.h>
#include <kj/vector.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "net/http/coalescing_stream.hpp"

using troupe::net::coalescing_stream;

namespace {

// Records each write it is given; writes complete when the test says
// (hold_writes) or at once, and fail once failing is set.
class recording_stream final : public kj::AsyncIoStream {
 public:
  std::vector<std::string>* writes;
  bool hold_writes = false;
  bool failing = false;
  kj::Vector<kj::Own<kj::PromiseFulfiller<void>>>* held;

  recording_stream(std::vector<std::string>& out,
                   kj::Vector<kj::Own<kj::PromiseFulfiller<void>>>& h)
      : writes(&out), held(&h) {}

  kj::Promise<std::size_t> tryRead(void* buffer, std::size_t, std::size_t maxBytes) override {
    std::string text = "ping";
    auto amount = std::min(maxBytes, text.size());
    std::memcpy(buffer, text.data(), amount);
    return amount;
  }
  kj::Promise<void> write(const void* buffer, std::size_t size) override {
    if (failing) return KJ_EXCEPTION(DISCONNECTED, "peer gone");
    writes->emplace_back(static_cast<const char*>(buffer), size);
    if (!hold_writes) return kj::READY_NOW;
    auto paf = kj::newPromiseAndFulfiller<void>();
    held->add(kj::mv(paf.fulfiller));
    return kj::mv(paf.promise);
  }
  kj::Promise<void> write(kj::ArrayPtr<const kj::ArrayPtr<const kj::byte>> pieces) override {
    std::string joined;
    for (auto piece : pieces)
      joined.append(reinterpret_cast<const char*>(piece.begin()), piece.size());
    return write(joined.data(), joined.size());
  }
  kj::Promise<void> whenWriteDisconnected() override { return kj::NEVER_DONE; }
  void shutdownWrite() override { writes->emplace_back("<shutdown>"); }
};

struct fixture {
  kj::EventLoop loop;
  kj::WaitScope scope{loop};
  std::vector<std::string> writes;
  kj::Vector<kj::Own<kj::PromiseFulfiller<void>>> held;
  recording_stream* inner = nullptr;
  kj::Own<coalescing_stream> stream;

  fixture() {
    auto recording = kj::heap<recording_stream>(writes, held);
    inner = recording.get();
    stream = kj::heap<coalescing_stream>(kj::mv(recording));
  }
  void settle() { scope.poll(); }
};

kj::Promise<void> write_text(coalescing_stream& stream, const std::string& text) {
  return stream.write(text.data(), text.size());
}

}  // namespace

TEST_CASE("small writes of one turn leave as one write, in order, once the loop is idle") {
  fixture f;
  const std::string head = "HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n", body = "{}";
  auto first = write_text(*f.stream, head);
  auto second = write_text(*f.stream, body);
  CHECK(first.poll(f.scope));
  CHECK(second.poll(f.scope));
  first.wait(f.scope);
  second.wait(f.scope);
  f.settle();
  REQUIRE(f.writes.size() == 1);
  CHECK(f.writes[0] == head + body);
}

TEST_CASE("a large write goes out unbuffered after what was gathered before it") {
  fixture f;
  const std::string big(coalescing_stream::small_write_bytes_max, 'x');
  auto small = write_text(*f.stream, "head");
  auto large = write_text(*f.stream, big);
  large.wait(f.scope);
  small.wait(f.scope);
  f.settle();
  REQUIRE(f.writes.size() == 2);
  CHECK(f.writes[0] == "head");
  CHECK(f.writes[1] == big);
}

TEST_CASE("what is gathered leaves once it reaches the bound, without waiting for an idle loop") {
  fixture f;
  const std::string piece(coalescing_stream::small_write_bytes_max - 1, 'p');
  const auto filling = (coalescing_stream::gathered_bytes_max + piece.size() - 1) / piece.size();
  // All written before the loop runs: the pieces that fill the bound leave
  // together at once, the one after them with the idle loop.
  std::vector<kj::Promise<void>> writes;
  for (std::size_t i = 0; i <= filling; ++i) writes.push_back(write_text(*f.stream, piece));
  f.settle();
  for (auto& write : writes) write.wait(f.scope);
  REQUIRE(f.writes.size() == 2);
  CHECK(f.writes[0].size() == filling * piece.size());
  CHECK(f.writes[1] == piece);
}

TEST_CASE("while a batch is on its way the writer waits, and flushed() waits for all of it") {
  fixture f;
  f.inner->hold_writes = true;
  write_text(*f.stream, "one").wait(f.scope);
  f.settle();  // "one" is being written and held
  REQUIRE(f.writes.size() == 1);
  auto second = write_text(*f.stream, "two");
  CHECK_FALSE(second.poll(f.scope));
  auto flushed = f.stream->flushed();
  f.settle();
  CHECK_FALSE(flushed.poll(f.scope));
  f.held[0]->fulfill();
  second.wait(f.scope);
  f.settle();
  REQUIRE(f.writes.size() == 2);
  CHECK(f.writes[1] == "two");
  CHECK_FALSE(flushed.poll(f.scope));
  f.held[1]->fulfill();
  flushed.wait(f.scope);
}

TEST_CASE("a failed write fails every later write and flushed()") {
  fixture f;
  f.inner->failing = true;
  write_text(*f.stream, "lost").wait(f.scope);  // accepted, sent later
  f.settle();
  CHECK_THROWS(f.stream->flushed().wait(f.scope));
  CHECK_THROWS(write_text(*f.stream, "after").wait(f.scope));
  CHECK(f.writes.empty());
}

TEST_CASE("shutdownWrite sends what is gathered first; reads pass through") {
  fixture f;
  write_text(*f.stream, "last words").wait(f.scope);
  f.stream->shutdownWrite();
  f.settle();
  REQUIRE(f.writes.size() == 2);
  CHECK(f.writes[0] == "last words");
  CHECK(f.writes[1] == "<shutdown>");
  char buffer[8] = {};
  auto amount = f.stream->tryRead(buffer, 1, sizeof(buffer)).wait(f.scope);
  CHECK(std::string(buffer, amount) == "ping");
}
