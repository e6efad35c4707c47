// Endpoints parse IPv4, DNS and bracketed IPv6 forms and name what is wrong.
#include <catch2/catch.hpp>

#include "messages/core/member_summary.hpp"
#include "net/core/endpoint.hpp"

using namespace troupe;
using namespace troupe::net;

TEST_CASE("endpoints parse and print in host:port form", "[net]") {
  auto parsed = std::get<endpoint>(parse_endpoint("[fe80::1]:7450"));
  CHECK(parsed.host == "fe80::1");
  CHECK(parsed.to_string() == "[fe80::1]:7450");
  CHECK(std::get<endpoint>(parse_endpoint("node.example:1")).to_string() == "node.example:1");
  CHECK(std::get<std::string>(parse_endpoint(":80")) == "\":80\" has an empty host");
  CHECK(std::get<std::string>(parse_endpoint("[::1")) == "\"[::1\" has an unclosed '['");
  CHECK(std::get<std::string>(parse_endpoint("[::1]")) ==
        "\"[::1]\" has no port (expected [host]:port)");
  CHECK(std::get<std::string>(parse_endpoint("a:0")) ==
        "\"a:0\" has an invalid port \"0\" (expected 1-65535)");
  CHECK(std::get<std::vector<endpoint>>(parse_endpoint_list("a:1,b:2")).size() == 2);
  CHECK(std::get<std::string>(parse_endpoint_list("")) == "empty entry in list \"\"");
}

TEST_CASE("member summaries validate every field", "[net]") {
  member_summary ok{"node-1", "127.0.0.1", 7450, role_set::all(), 1};
  CHECK_FALSE(validate_member_summary(ok));
  CHECK(ok.address() == "127.0.0.1:7450");
  auto broken = ok;
  broken.host = "";
  CHECK(validate_member_summary(broken) == "host: must not be empty");
  broken = ok;
  broken.port = 0;
  CHECK(validate_member_summary(broken) == "port: must be between 1 and 65535");
  broken = ok;
  broken.incarnation = 0;
  CHECK(validate_member_summary(broken) == "incarnation: must be greater than 0");
  CHECK_FALSE(is_dns1123_subdomain("-a"));
  CHECK_FALSE(is_dns1123_subdomain(std::string(254, 'a')));
  CHECK(is_dns1123_subdomain(std::string(253, 'a')));
  CHECK(to_string(role_set::all()) == "store,control,worker");
}
