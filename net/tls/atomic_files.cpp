#include "net/tls/atomic_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

namespace troupe::net::tls {

namespace {

std::string system_error_text(int number) {
  return std::error_code(number, std::generic_category()).message();
}

std::string failure(const std::string& path, const char* what) {
  return path + ": " + what + ": " + system_error_text(errno);
}

// Closes a descriptor on every path out of a function.
class file_descriptor {
 public:
  explicit file_descriptor(int descriptor) : descriptor_(descriptor) {}
  ~file_descriptor() {
    if (descriptor_ >= 0) ::close(descriptor_);
  }
  file_descriptor(const file_descriptor&) = delete;
  file_descriptor& operator=(const file_descriptor&) = delete;
  int get() const { return descriptor_; }
  // Closing reports write-back errors some file systems defer to close().
  bool close() {
    int descriptor = descriptor_;
    descriptor_ = -1;
    return ::close(descriptor) == 0;
  }

 private:
  int descriptor_;
};

bool write_all(int descriptor, std::string_view text) {
  while (!text.empty()) {
    ssize_t written = ::write(descriptor, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    text.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

std::optional<std::string> sync_directory_of(const std::string& path) {
  auto directory = std::filesystem::path(path).parent_path();
  std::string name = directory.empty() ? std::string(".") : directory.string();
  file_descriptor descriptor(::open(name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (descriptor.get() < 0) return failure(name, "cannot open directory");
  if (::fsync(descriptor.get()) != 0) return failure(name, "cannot sync directory");
  return std::nullopt;
}

// Errors name `path`, the file the caller asked for, not the temporary.
std::optional<std::string> write_temporary(const std::string& path, int descriptor,
                                           std::string_view text, mode_t mode) {
  file_descriptor file(descriptor);
  if (::fchmod(file.get(), mode) != 0) return failure(path, "cannot set mode");
  if (!write_all(file.get(), text)) return failure(path, "cannot write");
  if (::fsync(file.get()) != 0) return failure(path, "cannot sync");
  if (!file.close()) return failure(path, "cannot close");
  return std::nullopt;
}

}  // namespace

std::variant<std::optional<std::string>, std::string> read_small_file(const std::string& path,
                                                                      std::size_t bytes_max) {
  file_descriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) {
    if (errno == ENOENT) return std::optional<std::string>();
    return failure(path, "cannot open");
  }
  struct stat status {};
  if (::fstat(file.get(), &status) != 0) return failure(path, "cannot stat");
  if (!S_ISREG(status.st_mode)) return path + ": not a regular file";
  if (static_cast<std::size_t>(status.st_size) > bytes_max) {
    return path + ": larger than " + std::to_string(bytes_max) + " bytes";
  }
  std::string text(static_cast<std::size_t>(status.st_size), '\0');
  std::size_t filled = 0;
  while (filled < text.size()) {
    ssize_t got = ::read(file.get(), text.data() + filled, text.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return failure(path, "cannot read");
    if (got == 0) break;  // the file shrank while we read it
    filled += static_cast<std::size_t>(got);
  }
  text.resize(filled);
  return std::optional<std::string>(std::move(text));
}

std::optional<std::string> write_file_atomically(const std::string& path, std::string_view text,
                                                 mode_t mode) {
  std::string temporary = path + ".tmp-XXXXXX";
  int descriptor = ::mkostemp(temporary.data(), O_CLOEXEC);
  if (descriptor < 0) return failure(path, "cannot create a temporary file");
  auto error = write_temporary(path, descriptor, text, mode);
  if (!error && ::rename(temporary.c_str(), path.c_str()) != 0) {
    error = failure(path, "cannot rename the temporary file");
  }
  if (error) {
    ::unlink(temporary.c_str());
    return error;
  }
  return sync_directory_of(path);
}

std::optional<std::string> ensure_private_directory(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) return std::nullopt;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) {
    std::filesystem::create_directories(parent, error);
    if (error) return parent.string() + ": cannot create: " + error.message();
  }
  if (::mkdir(path.c_str(), 0700) != 0) return failure(path, "cannot create directory");
  // mkdir's mode passes through the umask; the directory must be 0700.
  if (::chmod(path.c_str(), 0700) != 0) return failure(path, "cannot set mode");
  return std::nullopt;
}

}  // namespace troupe::net::tls
