// Makes CAF 0.17's TLS transport survive a failed handshake.
//
// OpenSSL requires the calling thread's error queue to be empty before
// SSL_read/SSL_write/SSL_connect/SSL_accept, or SSL_get_error() misreports
// (see SSL_get_error(3)). CAF 0.17's openssl::session neither clears nor
// drains the queue, and all of a node's sessions run on one multiplexer
// thread: after one peer fails its handshake (e.g. a certificate from another
// CA), the stale error makes CAF close every healthy TLS connection of the
// node. Measured here: three TLS `troupe node` processes lost all links each
// time a stranger dialled them.
//
// These definitions interpose the four calls for every library in the
// process (the executable's symbols come first in ELF symbol lookup), clear
// the queue, and forward to libssl's own implementation.
#include <dlfcn.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <cstdlib>

namespace {

template <class Function>
Function next_symbol(const char* name) {
  auto* symbol = dlsym(RTLD_NEXT, name);
  if (!symbol) std::abort();  // libssl is linked: the symbol must exist
  return reinterpret_cast<Function>(symbol);
}

}  // namespace

extern "C" {

int SSL_read(SSL* ssl, void* buffer, int length) {
  static auto real = next_symbol<int (*)(SSL*, void*, int)>("SSL_read");
  ERR_clear_error();
  return real(ssl, buffer, length);
}

int SSL_write(SSL* ssl, const void* buffer, int length) {
  static auto real = next_symbol<int (*)(SSL*, const void*, int)>("SSL_write");
  ERR_clear_error();
  return real(ssl, buffer, length);
}

int SSL_connect(SSL* ssl) {
  static auto real = next_symbol<int (*)(SSL*)>("SSL_connect");
  ERR_clear_error();
  return real(ssl);
}

int SSL_accept(SSL* ssl) {
  static auto real = next_symbol<int (*)(SSL*)>("SSL_accept");
  ERR_clear_error();
  return real(ssl);
}

}  // extern "C"
