// The file operations of net/tls: read a small file whole, replace a file
// atomically, and create a private directory.
//
// Contract:
//   1. read_small_file() returns nothing when the file does not exist, its
//      text when it does, and an error "<path>: <reason>" when it cannot be
//      read or exceeds `bytes_max`.
//   2. write_file_atomically() writes a temporary file beside `path` with
//      mode `mode` (umask does not apply), fsyncs it, renames it over `path`
//      and fsyncs the directory, so `path` holds either its old or its whole
//      new text after a crash, and never has a wider mode. Errors are
//      "<path>: <reason>"; the temporary file is removed on failure.
//   3. ensure_private_directory() creates a missing directory (and missing
//      parents) with mode 0700; an existing directory is left as it is.
// No exception escapes.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace troupe::net::tls {

std::variant<std::optional<std::string>, std::string> read_small_file(const std::string& path,
                                                                      std::size_t bytes_max);

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view text,
                                                 mode_t mode);

std::optional<std::string> ensure_private_directory(const std::string& path);

}  // namespace troupe::net::tls
