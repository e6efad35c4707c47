#include "messages/core/quantity.hpp"

#include <array>
#include <cassert>
#include <limits>
#include <vector>

namespace troupe {

namespace {

constexpr std::int64_t units_max = std::numeric_limits<std::int64_t>::max();
// Decimal digits of units_max: a longer whole part is out of range.
constexpr std::int64_t units_digits_max = 19;
// Digits of one nano fraction.
constexpr std::int64_t nano_digits = 9;
// Exponents beyond this are saturated while parsing; the value is then far
// out of range (positive) or rounds to 1n (negative) either way.
constexpr std::int64_t exponent_magnitude_max = 1'000'000;

constexpr std::string_view suffix_letters = "eEinumkKMGTP";

struct decimal_suffix {
  std::string_view text;
  int exponent;
};
constexpr std::array<decimal_suffix, 10> decimal_suffixes{{{"n", -9},
                                                           {"u", -6},
                                                           {"m", -3},
                                                           {"", 0},
                                                           {"k", 3},
                                                           {"M", 6},
                                                           {"G", 9},
                                                           {"T", 12},
                                                           {"P", 15},
                                                           {"E", 18}}};
// binary_suffixes[k] stands for 1024^k.
constexpr std::array<std::string_view, 7> binary_suffixes{"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The pieces of a quantity text, as kube's scanner splits it.
struct scanned_text {
  bool negative = false;
  std::string_view whole_digits;
  std::string_view fraction_digits;
  std::string_view suffix;
};

std::string_view take_digits(std::string_view& rest) {
  std::size_t count = 0;
  while (count < rest.size() && is_digit(rest[count])) ++count;
  auto digits = rest.substr(0, count);
  rest.remove_prefix(count);
  return digits;
}

// [+-]? digits* ('.' digits*)? letters* [+-]? digits*, with a digit or a '.'
// in the number part.
std::optional<scanned_text> scan(std::string_view text) {
  scanned_text result;
  auto rest = text;
  if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
    result.negative = rest.front() == '-';
    rest.remove_prefix(1);
  }
  result.whole_digits = take_digits(rest);
  bool has_point = !rest.empty() && rest.front() == '.';
  if (has_point) {
    rest.remove_prefix(1);
    result.fraction_digits = take_digits(rest);
  }
  if (result.whole_digits.empty() && !has_point) return std::nullopt;
  auto suffix_start = rest;
  while (!rest.empty() && suffix_letters.find(rest.front()) != std::string_view::npos)
    rest.remove_prefix(1);
  if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) rest.remove_prefix(1);
  take_digits(rest);
  if (!rest.empty()) return std::nullopt;
  result.suffix = suffix_start;
  return result;
}

struct interpreted_suffix {
  int base = 10;
  std::int64_t exponent = 0;
  quantity_format format = quantity_format::decimal_si;
};

// "e12", "E-3", "e+6": kube's strconv.ParseInt of what follows the 'e'.
std::optional<std::int64_t> parse_exponent(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) return std::nullopt;
  std::int64_t magnitude = 0;
  for (char c : text) {
    if (!is_digit(c)) return std::nullopt;
    if (magnitude < exponent_magnitude_max) magnitude = magnitude * 10 + (c - '0');
  }
  if (magnitude > exponent_magnitude_max) magnitude = exponent_magnitude_max;
  return negative ? -magnitude : magnitude;
}

std::optional<interpreted_suffix> interpret(std::string_view suffix) {
  for (const auto& entry : decimal_suffixes)
    if (entry.text == suffix) return interpreted_suffix{10, entry.exponent};
  for (std::size_t k = 1; k < binary_suffixes.size(); ++k)
    if (binary_suffixes[k] == suffix)
      return interpreted_suffix{2, static_cast<std::int64_t>(10 * k), quantity_format::binary_si};
  if (suffix.size() > 1 && (suffix.front() == 'e' || suffix.front() == 'E')) {
    if (auto exponent = parse_exponent(suffix.substr(1)))
      return interpreted_suffix{10, *exponent, quantity_format::decimal_exponent};
  }
  return std::nullopt;
}

// Significant digits (most significant first, no leading or trailing zero)
// times 10^exponent.
struct decimal_digits {
  std::vector<std::uint8_t> digits;
  std::int64_t exponent = 0;

  void strip_zeros() {
    std::size_t leading = 0;
    while (leading < digits.size() && digits[leading] == 0) ++leading;
    digits.erase(digits.begin(), digits.begin() + static_cast<std::ptrdiff_t>(leading));
    while (!digits.empty() && digits.back() == 0) {
      digits.pop_back();
      ++exponent;
    }
  }

  void double_value() {
    int carry = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
      int doubled = *it * 2 + carry;
      *it = static_cast<std::uint8_t>(doubled % 10);
      carry = doubled / 10;
    }
    if (carry != 0) digits.insert(digits.begin(), static_cast<std::uint8_t>(carry));
  }

  // The digit at `position` counted from the most significant one; zero
  // outside the significant digits.
  std::uint8_t at(std::int64_t position) const {
    if (position < 0 || position >= static_cast<std::int64_t>(digits.size())) return 0;
    return digits[static_cast<std::size_t>(position)];
  }
};

// A non-negative value as whole units and nanos, rounded up to a nano.
// `whole` may exceed units_max (up to 10^19); nothing when it has more digits.
struct magnitude {
  std::uint64_t whole = 0;
  std::uint32_t nanos = 0;
};

std::optional<magnitude> to_magnitude(const decimal_digits& value) {
  magnitude result;
  if (value.digits.empty()) return result;
  auto size = static_cast<std::int64_t>(value.digits.size());
  auto whole_digits = size + value.exponent;
  if (whole_digits > units_digits_max) return std::nullopt;
  for (std::int64_t i = 0; i < whole_digits; ++i) result.whole = result.whole * 10 + value.at(i);
  if (whole_digits < -nano_digits) {
    result.nanos = 1;
    return result;
  }
  for (std::int64_t i = 0; i < nano_digits; ++i)
    result.nanos = result.nanos * 10 + value.at(whole_digits + i);
  // The last significant digit is non-zero, so anything beyond a nano rounds up.
  if (size > whole_digits + nano_digits && ++result.nanos == quantity::nanos_per_unit) {
    result.nanos = 0;
    ++result.whole;
  }
  return result;
}

void append_digits(std::string& out, std::uint64_t value, std::size_t width) {
  std::array<char, 20> buffer{};
  std::size_t count = 0;
  do {
    buffer[count++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (; count < width; ++count) buffer[count] = '0';
  while (count > 0) out += buffer[--count];
}

// Writes |value| in decimal form: mantissa digits and a suffix for an
// exponent that is a multiple of 3 (kube's AsCanonicalBytes).
void append_decimal(std::string& out, std::uint64_t whole, std::uint32_t nanos,
                    quantity_format format) {
  std::string mantissa;
  int exponent = 0;
  if (nanos == 0) {
    append_digits(mantissa, whole, 1);
  } else {
    if (whole != 0) append_digits(mantissa, whole, 1);
    append_digits(mantissa, nanos, mantissa.empty() ? 1 : nano_digits);
    exponent = -static_cast<int>(nano_digits);
  }
  while (mantissa.size() > 1 && mantissa.back() == '0') {
    mantissa.pop_back();
    ++exponent;
  }
  int remainder = ((exponent % 3) + 3) % 3;
  mantissa.append(static_cast<std::size_t>(remainder), '0');
  exponent -= remainder;
  out += mantissa;
  if (format == quantity_format::decimal_exponent) {
    if (exponent != 0) out += "e" + std::to_string(exponent);
    return;
  }
  for (const auto& entry : decimal_suffixes) {
    if (entry.exponent == exponent) {
      out += entry.text;
      return;
    }
  }
  // Beyond "E" (10^18) DecimalSI falls back to an exponent; out of our range.
  out += "e" + std::to_string(exponent);
}

}  // namespace

std::string_view to_string(quantity_error error) {
  switch (error) {
    case quantity_error::format_wrong:
      return "quantities must match the regular expression "
             "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    case quantity_error::unknown_suffix:
      return "unable to parse quantity's suffix";
    case quantity_error::too_long:
      return "quantities must be no more than 64 characters";
    case quantity_error::out_of_range:
      return "quantities must be no larger in magnitude than 9223372036854775807";
  }
  return "unknown quantity error";
}

quantity quantity::from_units(std::int64_t units, quantity_format format) {
  assert(units != std::numeric_limits<std::int64_t>::min());
  quantity result;
  result.units_ = units;
  result.format_ = format;
  return result;
}

quantity quantity::from_milli(std::int64_t milli, quantity_format format) {
  assert(milli != std::numeric_limits<std::int64_t>::min());
  quantity result;
  result.units_ = milli / 1000;
  result.nanos_ = static_cast<std::int32_t>(milli % 1000) * 1'000'000;
  result.format_ = format;
  return result;
}

int quantity::sign() const {
  if (units_ > 0 || nanos_ > 0) return 1;
  if (units_ < 0 || nanos_ < 0) return -1;
  return 0;
}

std::int64_t quantity::value() const {
  if (nanos_ == 0) return units_;
  return units_ + sign();
}

std::optional<std::int64_t> quantity::milli_value() const {
  constexpr std::int32_t nanos_per_milli = 1'000'000;
  std::int64_t milli = 0;
  if (__builtin_mul_overflow(units_, std::int64_t{1000}, &milli)) return std::nullopt;
  std::int64_t fraction = nanos_ / nanos_per_milli;
  if (nanos_ % nanos_per_milli != 0) fraction += sign();
  if (__builtin_add_overflow(milli, fraction, &milli)) return std::nullopt;
  return milli;
}

std::string quantity::to_string() const {
  if (is_zero()) return "0";
  std::string out;
  if (sign() < 0) out += '-';
  // Safe: units_ != INT64_MIN by invariant.
  auto whole = static_cast<std::uint64_t>(units_ < 0 ? -units_ : units_);
  auto nanos = static_cast<std::uint32_t>(nanos_ < 0 ? -nanos_ : nanos_);
  // Binary only for whole values of at least 1024 ("1023" stays "1023").
  if (format_ != quantity_format::binary_si || whole < 1024 || nanos != 0) {
    auto format =
        format_ == quantity_format::decimal_exponent ? format_ : quantity_format::decimal_si;
    append_decimal(out, whole, nanos, format);
    return out;
  }
  std::size_t power = 0;
  while (whole % 1024 == 0 && power + 1 < binary_suffixes.size()) {
    whole /= 1024;
    ++power;
  }
  append_digits(out, whole, 1);
  out += binary_suffixes[power];
  return out;
}

std::variant<quantity, quantity_error> parse_quantity(std::string_view text) {
  if (text.size() > quantity_text_bytes_max) return quantity_error::too_long;
  auto scanned = scan(text);
  if (!scanned) return quantity_error::format_wrong;
  auto suffix = interpret(scanned->suffix);
  if (!suffix) return quantity_error::unknown_suffix;

  decimal_digits value;
  for (auto digits : {scanned->whole_digits, scanned->fraction_digits})
    for (char c : digits) value.digits.push_back(static_cast<std::uint8_t>(c - '0'));
  value.exponent = -static_cast<std::int64_t>(scanned->fraction_digits.size());
  if (suffix->base == 10) value.exponent += suffix->exponent;
  value.strip_zeros();
  if (suffix->base == 2 && !value.digits.empty())
    for (std::int64_t i = 0; i < suffix->exponent; ++i) value.double_value();

  auto format = suffix->format;
  auto amount = to_magnitude(value);
  if (!amount || amount->whole > static_cast<std::uint64_t>(units_max) ||
      (amount->whole == static_cast<std::uint64_t>(units_max) && amount->nanos != 0)) {
    // Kube caps binary quantities silently and keeps decimal ones; we refuse.
    if (format != quantity_format::binary_si) return quantity_error::out_of_range;
    amount = magnitude{static_cast<std::uint64_t>(units_max), 0};
  }
  // Kube writes a binary fraction of one unit in decimal SI from the start.
  if (format == quantity_format::binary_si && amount->whole == 0 && amount->nanos != 0)
    format = quantity_format::decimal_si;

  quantity result;
  result.units_ = static_cast<std::int64_t>(amount->whole);
  result.nanos_ = static_cast<std::int32_t>(amount->nanos);
  if (scanned->negative) {
    result.units_ = -result.units_;
    result.nanos_ = -result.nanos_;
  }
  result.format_ = format;
  return result;
}

}  // namespace troupe
