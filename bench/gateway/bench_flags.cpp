#include "bench/gateway/bench_flags.hpp"

#include <charconv>
#include <sstream>

namespace troupe::bench {

namespace {

std::optional<std::size_t> positive(const std::string& text) {
  std::size_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) return std::nullopt;
  return value;
}

}  // namespace

std::variant<bench_flags, std::string> bench_flags::parse(int argc, char** argv, int first,
                                                          const std::set<std::string>& known) {
  bench_flags parsed;
  for (int i = first; i < argc; i += 2) {
    std::string flag = argv[i];
    if (!flag.starts_with("--") || !known.contains(flag.substr(2))) return "unknown flag " + flag;
    if (i + 1 >= argc) return "flag " + flag + " has no value";
    parsed.values_[flag.substr(2)] = argv[i + 1];
  }
  return parsed;
}

std::optional<std::string> bench_flags::text(const std::string& name) const {
  auto found = values_.find(name);
  if (found == values_.end()) return std::nullopt;
  return found->second;
}

std::variant<std::size_t, std::string> bench_flags::count(const std::string& name,
                                                          std::size_t fallback) const {
  auto value = text(name);
  if (!value) return fallback;
  if (auto number = positive(*value)) return *number;
  return "--" + name + ": expected a positive whole number, got \"" + *value + "\"";
}

std::variant<std::vector<std::size_t>, std::string> bench_flags::counts(
    const std::string& name, const std::vector<std::size_t>& fallback) const {
  auto value = text(name);
  if (!value) return fallback;
  std::vector<std::size_t> numbers;
  std::istringstream words(*value);
  for (std::string word; words >> word;) {
    auto number = positive(word);
    if (!number) return "--" + name + ": \"" + word + "\" is not a positive whole number";
    numbers.push_back(*number);
  }
  if (numbers.empty()) return "--" + name + ": expected at least one number";
  return numbers;
}

}  // namespace troupe::bench
