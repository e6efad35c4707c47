// Little-endian primitives of the MVCC snapshot format: fixed-width integers
// and length-prefixed byte strings (a u64 length, then the bytes).
//
// The reader never reads past its span. Its failure is sticky: once a read
// does not fit, every later read yields zero or empty and ok() stays false,
// so a decoder checks ok() once per record instead of after every field.
// count() refuses element counts the remaining bytes cannot hold, so a
// corrupt count can neither drive a long loop nor a huge allocation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace troupe::storage {

class mvcc_byte_writer {
 public:
  // Room for `size` more bytes, so that a writer that knows its output's
  // size allocates once.
  void reserve(std::size_t size) { bytes_.reserve(bytes_.size() + size); }
  void u8(std::uint8_t value) { bytes_.push_back(value); }
  void u32(std::uint32_t value);
  void u64(std::uint64_t value);
  void i64(std::int64_t value) { u64(static_cast<std::uint64_t>(value)); }
  void bytes(std::string_view value);
  // What bytes(value) writes, for reserve().
  static std::size_t bytes_size(std::string_view value) { return 8 + value.size(); }

  std::vector<std::uint8_t> take() { return std::move(bytes_); }

 private:
  // Appends `value`'s `width` low bytes, least significant first.
  void little_endian(std::uint64_t value, std::size_t width);
  void append(const void* data, std::size_t size);

  std::vector<std::uint8_t> bytes_;
};

class mvcc_byte_reader {
 public:
  explicit mvcc_byte_reader(std::span<const std::uint8_t> input) : input_(input) {}

  std::uint8_t u8();
  std::uint32_t u32();
  std::uint64_t u64();
  std::int64_t i64() { return static_cast<std::int64_t>(u64()); }
  // A length-prefixed string of at most `bytes_max` bytes.
  std::string bytes(std::size_t bytes_max);
  // An element count, each element taking at least `element_bytes_min` (> 0)
  // bytes.
  std::size_t count(std::size_t element_bytes_min);

  // Marks the input bad (a decoder found a value out of its domain).
  void fail() { failed_ = true; }
  bool ok() const { return !failed_; }
  bool at_end() const { return position_ == input_.size(); }

 private:
  // Whether `size` more bytes are available; fails the reader if not.
  bool has(std::size_t size);
  std::uint64_t little_endian(std::size_t width);

  std::span<const std::uint8_t> input_;
  std::size_t position_ = 0;
  bool failed_ = false;
};

}  // namespace troupe::storage
