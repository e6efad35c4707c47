// The command line of gateway_bench: a subcommand, then "--name value"
// pairs. Every flag takes a value; a flag the subcommand does not know, a
// missing value or a value of the wrong form is a usage error, reported as
// one line naming the flag.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

namespace troupe::bench {

class bench_flags {
 public:
  // Parses argv[first..argc); an error names the flag.
  static std::variant<bench_flags, std::string> parse(int argc, char** argv, int first,
                                                      const std::set<std::string>& known);

  std::optional<std::string> text(const std::string& name) const;
  // A whole number > 0 (`fallback` when absent), or an error naming the flag.
  std::variant<std::size_t, std::string> count(const std::string& name, std::size_t fallback) const;
  // Whole numbers > 0 separated by spaces, e.g. "64 256".
  std::variant<std::vector<std::size_t>, std::string> counts(
      const std::string& name, const std::vector<std::size_t>& fallback) const;

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace troupe::bench
