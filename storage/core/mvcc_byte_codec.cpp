#include "storage/core/mvcc_byte_codec.hpp"

#include <array>
#include <cassert>

namespace troupe::storage {

void mvcc_byte_writer::little_endian(std::uint64_t value, std::size_t width) {
  std::array<std::uint8_t, 8> encoded{};
  for (std::size_t i = 0; i < width; ++i) encoded[i] = static_cast<std::uint8_t>(value >> (8 * i));
  append(encoded.data(), width);
}

// Same-typed pointers, so that the insertion is one memmove (from `char`
// iterators it was a loop over the bytes).
void mvcc_byte_writer::append(const void* data, std::size_t size) {
  const auto* first = static_cast<const std::uint8_t*>(data);
  bytes_.insert(bytes_.end(), first, first + size);
}

void mvcc_byte_writer::u32(std::uint32_t value) {
  little_endian(value, 4);
}

void mvcc_byte_writer::u64(std::uint64_t value) {
  little_endian(value, 8);
}

void mvcc_byte_writer::bytes(std::string_view value) {
  u64(value.size());
  append(value.data(), value.size());
}

bool mvcc_byte_reader::has(std::size_t size) {
  if (failed_ || size > input_.size() - position_) failed_ = true;
  return !failed_;
}

std::uint64_t mvcc_byte_reader::little_endian(std::size_t width) {
  if (!has(width)) return 0;
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    value |= static_cast<std::uint64_t>(input_[position_ + i]) << (8 * i);
  }
  position_ += width;
  return value;
}

std::uint8_t mvcc_byte_reader::u8() {
  return static_cast<std::uint8_t>(little_endian(1));
}

std::uint32_t mvcc_byte_reader::u32() {
  return static_cast<std::uint32_t>(little_endian(4));
}

std::uint64_t mvcc_byte_reader::u64() {
  return little_endian(8);
}

std::string mvcc_byte_reader::bytes(std::size_t bytes_max) {
  std::uint64_t size = u64();
  if (size > bytes_max) failed_ = true;
  if (!has(static_cast<std::size_t>(size))) return {};
  std::string value(reinterpret_cast<const char*>(input_.data() + position_),
                    static_cast<std::size_t>(size));
  position_ += static_cast<std::size_t>(size);
  return value;
}

std::size_t mvcc_byte_reader::count(std::size_t element_bytes_min) {
  assert(element_bytes_min > 0);
  std::uint64_t value = u64();
  if (failed_) return 0;
  std::size_t remaining = input_.size() - position_;
  if (value > remaining / element_bytes_min) failed_ = true;
  return failed_ ? 0 : static_cast<std::size_t>(value);
}

}  // namespace troupe::storage
