#include "tests/support/child_process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include "runtime/wait_until.hpp"

extern char** environ;

namespace troupe::testing {

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

child_process::child_process(std::vector<std::string> arguments, std::string log_prefix)
    : log_prefix_(std::move(log_prefix)) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  auto out = log_prefix_ + ".out";
  auto err = log_prefix_ + ".err";
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  std::vector<char*> argv;
  for (auto& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  // The test binary may block signals; the child must start with none blocked.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t empty;
  sigemptyset(&empty);
  posix_spawnattr_setsigmask(&attributes, &empty);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
  int rc = posix_spawn(&pid_, argv[0], &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (rc != 0) throw std::runtime_error("cannot start " + arguments.front());
}

child_process::~child_process() {
  if (running()) {
    signal(SIGKILL);
    wait(std::chrono::seconds(10));
  }
}

void child_process::signal(int number) {
  if (!status_) ::kill(pid_, number);
}

bool child_process::running() {
  if (status_) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    status_ = decode_status(status);
    return false;
  }
  return true;
}

std::optional<int> child_process::wait(std::chrono::milliseconds deadline) {
  if (!runtime::wait_until([&] { return !running(); }, deadline, std::chrono::milliseconds(10)))
    return std::nullopt;
  return status_;
}

std::string child_process::out() const {
  return read_file(log_prefix_ + ".out");
}
std::string child_process::err() const {
  return read_file(log_prefix_ + ".err");
}

run_result run_command(std::vector<std::string> arguments, const std::string& log_prefix,
                       std::chrono::milliseconds deadline) {
  child_process child(std::move(arguments), log_prefix);
  auto code = child.wait(deadline);
  return run_result{code.value_or(-1), child.out(), child.err()};
}

temp_dir::temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "troupe-test-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

temp_dir::~temp_dir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

}  // namespace troupe::testing

namespace troupe::testing {

std::string child_process::stacks() const {
  if (status_) return "(exited)";
  auto result = run_command(
      {"/usr/bin/gdb", "-p", std::to_string(pid_), "-batch", "-ex", "thread apply all bt 20"},
      log_prefix_ + ".gdb", std::chrono::seconds(60));
  return result.code == 0 ? result.out : "(gdb failed: " + result.err + ")";
}

}  // namespace troupe::testing
