// A child process for end-to-end tests: started with posix_spawn, stdout and
// stderr captured to files, killed (SIGKILL) on destruction if still running.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace troupe::testing {

class child_process {
 public:
  // Runs `arguments[0]` with the rest as its arguments. Output goes to
  // `<log_prefix>.out` and `<log_prefix>.err`.
  child_process(std::vector<std::string> arguments, std::string log_prefix);
  ~child_process();
  child_process(const child_process&) = delete;
  child_process& operator=(const child_process&) = delete;

  void signal(int number);
  // The exit code (128 + signal if killed), or nothing at the deadline.
  std::optional<int> wait(std::chrono::milliseconds deadline);
  bool running();

  std::string out() const;
  std::string err() const;
  // Every thread's stack (gdb, if installed), to explain a process that
  // does not exit when told to.
  std::string stacks() const;

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
  std::string log_prefix_;
};

struct run_result {
  int code = -1;
  std::string out;
  std::string err;
};

// Runs a command to completion (killed after `deadline`).
run_result run_command(std::vector<std::string> arguments, const std::string& log_prefix,
                       std::chrono::milliseconds deadline = std::chrono::seconds(30));

// A fresh empty directory under the system temp dir, removed on destruction.
class temp_dir {
 public:
  temp_dir();
  ~temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Writes `text` to `path`.
void write_file(const std::string& path, const std::string& text);

}  // namespace troupe::testing
