// Kubernetes resource quantities (k8s.io/apimachinery pkg/api/resource
// Quantity): "128974848", "129e6", "129M", "123Mi", "1.5Gi", "100m", "0.5".
//
// Contract:
// 1. A quantity is exact: whole units plus nanos (10^-9), like kube, which
//    keeps nothing finer than nano. Parsing rounds a finer non-zero value
//    away from zero to the next nano ("0.9n" -> 1n, "-3.001n" -> -4n).
// 2. Range: |value| <= 2^63-1 units. Kube caps BinarySI input there silently
//    ("9Ei" parses as 2^63-1) and so do we; kube keeps larger decimal values
//    ("12E") in arbitrary precision, we refuse them with `out_of_range`.
// 3. Input is at most `quantity_text_bytes_max` bytes and must match
//    ^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$ with kube's stricter scanner
//    on top (one '.', a known suffix); no surrounding whitespace.
//    Unlike kube, a number part without any digit or '.' ("m", "Ki", "-",
//    which kube's scanner reads as zero) is refused, as its own regex says.
// 4. The format (how the value was written: decimal SI suffix, binary SI
//    suffix or decimal exponent) is kept and chooses the canonical form, as
//    kube's CanonicalizeBytes does. Comparison ignores the format
//    ("1Ki" == "1024"), like kube's Cmp.
// Plain data, no CAF; nothing throws.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace troupe {

/// Longest quantity text accepted; it comes from the network. The longest
/// canonical form ("-9223372036854775807999999999n") is 30 bytes.
constexpr std::size_t quantity_text_bytes_max = 64;

/// How a quantity was written, which decides how it is written back.
enum class quantity_format : std::uint8_t {
  decimal_si,        // 12M  (12 * 10^6), n u m "" k M G T P E
  binary_si,         // 12Mi (12 * 2^20), Ki Mi Gi Ti Pi Ei
  decimal_exponent,  // 12e6
};

/// Why a text is not a quantity.
enum class quantity_error : std::uint8_t {
  /// The text is empty or does not have the shape of a quantity (kube's
  /// ErrFormatWrong).
  format_wrong = 1,
  /// The suffix is not one of the known ones (kube's ErrSuffix).
  unknown_suffix,
  /// The text is longer than `quantity_text_bytes_max`.
  too_long,
  /// The magnitude of a decimal quantity exceeds 2^63-1 units.
  out_of_range,
};

/// The message for an error; kube's own wording for the first two.
std::string_view to_string(quantity_error error);

class quantity {
 public:
  static constexpr std::int32_t nanos_per_unit = 1'000'000'000;

  /// Zero, decimal SI.
  quantity() = default;

  /// `units` (kube's NewQuantity). Precondition: units > INT64_MIN.
  static quantity from_units(std::int64_t units, quantity_format format);
  /// `milli` / 1000 (kube's NewMilliQuantity). Precondition: milli > INT64_MIN.
  static quantity from_milli(std::int64_t milli, quantity_format format);

  quantity_format format() const { return format_; }
  bool is_zero() const { return units_ == 0 && nanos_ == 0; }
  /// -1, 0 or 1.
  int sign() const;

  /// Whole units, rounded away from zero (kube's Value()). Always fits.
  std::int64_t value() const;
  /// Thousandths, rounded away from zero (kube's MilliValue()); nothing
  /// when that does not fit an int64 (kube silently overflows).
  std::optional<std::int64_t> milli_value() const;

  /// The canonical form kube serializes: the largest suffix (or exponent, a
  /// multiple of 3) that loses no precision and leaves no fraction. Binary
  /// quantities stay binary when they are whole and at least 1024 in
  /// magnitude, else are written as decimal SI: "1.5Gi" -> "1536Mi",
  /// "0.5" -> "500m", "1000m" -> "1", "129e6" -> "129e6", "1000M" -> "1G".
  std::string to_string() const;

  /// Orders by value only.
  friend std::strong_ordering operator<=>(const quantity& a, const quantity& b) {
    if (auto order = a.units_ <=> b.units_; order != 0) return order;
    return a.nanos_ <=> b.nanos_;
  }
  friend bool operator==(const quantity& a, const quantity& b) { return (a <=> b) == 0; }

 private:
  friend std::variant<quantity, quantity_error> parse_quantity(std::string_view text);

  // Invariant: |nanos_| < nanos_per_unit, units_ and nanos_ never have
  // opposite signs, units_ != INT64_MIN, and units_ == +-INT64_MAX only with
  // nanos_ == 0. So (units_, nanos_) orders like the value.
  std::int64_t units_ = 0;
  std::int32_t nanos_ = 0;
  quantity_format format_ = quantity_format::decimal_si;
};

/// Parses kube's quantity syntax (see the contract above).
std::variant<quantity, quantity_error> parse_quantity(std::string_view text);

}  // namespace troupe
