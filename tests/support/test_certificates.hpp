// Test PKI made with the openssl command line: a CA and one certificate it
// signs, written into a directory (ECDSA P-256, valid for one day).
#pragma once

#include <string>

namespace troupe::testing {

struct certificate_files {
  std::string certificate;
  std::string key;
  std::string ca;
};

// Creates `<dir>/<prefix>-ca.pem` and a certificate signed by it. Fails the
// running test if openssl fails.
certificate_files make_certificates(const std::string& dir, const std::string& prefix);

}  // namespace troupe::testing
