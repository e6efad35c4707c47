#include "tests/support/test_certificates.hpp"

#include <stdexcept>

#include "tests/support/child_process.hpp"

namespace troupe::testing {

namespace {

void openssl(const std::string& dir, std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), "/usr/bin/openssl");
  auto result = run_command(arguments, dir + "/openssl");
  if (result.code != 0) throw std::runtime_error("openssl failed: " + result.err);
}

}  // namespace

certificate_files make_certificates(const std::string& dir, const std::string& prefix) {
  auto path = [&](const std::string& name) { return dir + "/" + prefix + "-" + name; };
  const std::vector<std::string> ec_key{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                                        "-nodes"};
  auto ca_command = std::vector<std::string>{"req", "-x509"};
  ca_command.insert(ca_command.end(), ec_key.begin(), ec_key.end());
  ca_command.insert(ca_command.end(), {"-keyout", path("ca-key.pem"), "-out", path("ca.pem"),
                                       "-days", "1", "-subj", "/CN=" + prefix + "-ca"});
  openssl(dir, ca_command);
  auto request = std::vector<std::string>{"req"};
  request.insert(request.end(), ec_key.begin(), ec_key.end());
  request.insert(request.end(), {"-keyout", path("node-key.pem"), "-out", path("node.csr"), "-subj",
                                 "/CN=" + prefix + "-node"});
  openssl(dir, request);
  openssl(dir, {"x509", "-req", "-in", path("node.csr"), "-CA", path("ca.pem"), "-CAkey",
                path("ca-key.pem"), "-CAcreateserial", "-out", path("node.pem"), "-days", "1"});
  return certificate_files{path("node.pem"), path("node-key.pem"), path("ca.pem")};
}

}  // namespace troupe::testing
