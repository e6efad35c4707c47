// Questions asked of a stored certificate before it is trusted again: is it
// a CA, did our CA sign it, is it valid over a span of time.
//
// Contract: every function is a pure question to OpenSSL about its
// arguments and leaves the thread's OpenSSL error queue empty. Times are
// compared at whole-second resolution, as certificates store them.
#pragma once

#include <chrono>
#include <string>

#include "net/tls/openssl_handles.hpp"

namespace troupe::net::tls {

// basicConstraints CA:TRUE, and its signature verifies with its own key.
bool is_self_signed_authority(X509& certificate);

// The signature verifies with the authority's public key.
bool is_signed_by(X509& certificate, X509& authority);

// notBefore <= from and until < notAfter.
bool is_valid_throughout(X509& certificate, std::chrono::system_clock::time_point from,
                         std::chrono::system_clock::time_point until);

// "valid from 2025-01-01 10:00:00Z until 2035-01-01 10:00:00Z", for errors.
std::string validity_text(X509& certificate);

}  // namespace troupe::net::tls
