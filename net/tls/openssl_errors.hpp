// OpenSSL reports failures through a per-thread error queue; this turns the
// queue into text for our error strings.
//
// Contract: openssl_error_text() empties the calling thread's queue and
// returns the distinct reasons of its entries, oldest first, joined by "; ", or
// "unknown OpenSSL error" when the queue was empty. It never fails.
#pragma once

#include <string>

namespace troupe::net::tls {

std::string openssl_error_text();

}  // namespace troupe::net::tls
