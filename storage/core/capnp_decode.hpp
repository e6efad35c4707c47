// Decoding a flat (unpacked) Cap'n Proto message without trusting it: the
// shared core of every codec in storage/.
//
// decode_flat<Schema, Value>(bytes, bytes_max, what, read) refuses input above
// bytes_max or not a whole number of words, copies it into word-aligned
// storage (FlatArrayMessageReader neither owns its buffer nor accepts
// unaligned memory, STACK.md), bounds the traversal, catches every kj
// exception and calls read(root) -> std::variant<Value, decode_error>.
// Errors read "<what> of N bytes ...", or "malformed <what>: ...".
#pragma once

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <variant>

namespace troupe::storage {

struct decode_error {
  std::string message;
};

template <class Schema, class Value, class Read>
std::variant<Value, decode_error> decode_flat(std::span<const std::uint8_t> bytes,
                                              std::size_t bytes_max, const std::string& what,
                                              Read read) {
  if (bytes.size() > bytes_max)
    return decode_error{what + " of " + std::to_string(bytes.size()) +
                        " bytes exceeds the limit of " + std::to_string(bytes_max)};
  if (bytes.empty() || bytes.size() % sizeof(capnp::word) != 0)
    return decode_error{what + " of " + std::to_string(bytes.size()) +
                        " bytes is not a whole number of 8-byte words"};
  auto words = kj::heapArray<capnp::word>(bytes.size() / sizeof(capnp::word));
  std::memcpy(words.begin(), bytes.data(), bytes.size());
  std::variant<Value, decode_error> result = decode_error{"unreachable"};
  auto failure = kj::runCatchingExceptions([&] {
    capnp::ReaderOptions options;
    options.traversalLimitInWords = words.size() * 2;
    capnp::FlatArrayMessageReader reader(words.asPtr(), options);
    result = read(reader.template getRoot<Schema>());
  });
  KJ_IF_MAYBE (exception, failure) {
    return decode_error{"malformed " + what + ": " + exception->getDescription().cStr()};
  }
  return result;
}

}  // namespace troupe::storage
