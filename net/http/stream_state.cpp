#include "net/http/stream_state.hpp"

#include <algorithm>
#include <utility>

namespace troupe::net {

bool stream_budget::take(std::size_t bytes) {
  auto used = used_.load();
  do {
    if (bytes > max_ - used) return false;
  } while (!used_.compare_exchange_weak(used, used + bytes));
  return true;
}

void stream_budget::give_back(std::size_t bytes) {
  used_.fetch_sub(bytes);
}

stream_state::stream_state(std::size_t bytes_max, std::shared_ptr<stream_budget> budget)
    : bytes_max_(bytes_max), budget_(std::move(budget)) {}

stream_state::~stream_state() noexcept {
  budget_->give_back(queued_bytes_ + writing_bytes_);
}

bool stream_state::push(std::string chunk) {
  std::function<void()> closed_callback;
  {
    std::lock_guard lock(mutex_);
    if (closed_ || ended_) return false;
    if (queued_bytes_ + writing_bytes_ + chunk.size() <= bytes_max_ &&
        budget_->take(chunk.size())) {
      queued_bytes_ += chunk.size();
      queue_.push_back(std::move(chunk));
      wake();
      return true;
    }
    closed_callback = close_locked();
  }
  if (closed_callback) closed_callback();
  return false;
}

void stream_state::end() {
  std::lock_guard lock(mutex_);
  ended_ = true;
  wake();
}

void stream_state::on_close(std::function<void()> callback) {
  {
    std::lock_guard lock(mutex_);
    if (!closed_) {
      on_close_ = std::move(callback);
      return;
    }
  }
  callback();
}

stream_state::taken stream_state::take() {
  std::lock_guard lock(mutex_);
  taken result;
  for (auto& chunk : queue_) result.data += chunk;
  queue_.clear();
  writing_bytes_ += std::exchange(queued_bytes_, 0);
  result.ended = ended_;
  result.closed = closed_;
  return result;
}

void stream_state::written(std::size_t bytes) {
  std::lock_guard lock(mutex_);
  bytes = std::min(bytes, writing_bytes_);
  writing_bytes_ -= bytes;
  budget_->give_back(bytes);
}

kj::Promise<void> stream_state::ready() {
  std::lock_guard lock(mutex_);
  if (!queue_.empty() || ended_ || closed_) return kj::READY_NOW;
  auto paf = kj::newPromiseAndCrossThreadFulfiller<void>();
  waiter_ = kj::mv(paf.fulfiller);
  return kj::mv(paf.promise);
}

kj::Promise<void> stream_state::closed() {
  std::lock_guard lock(mutex_);
  if (closed_) return kj::READY_NOW;
  auto paf = kj::newPromiseAndCrossThreadFulfiller<void>();
  closed_waiter_ = kj::mv(paf.fulfiller);
  return kj::mv(paf.promise);
}

void stream_state::end_by_server() {
  std::function<void()> closed_callback;
  {
    std::lock_guard lock(mutex_);
    if (closed_ || ended_) return;
    ended_ = true;
    closed_callback = std::move(on_close_);
    wake();
  }
  if (closed_callback) closed_callback();
}

void stream_state::close() {
  std::function<void()> closed_callback;
  {
    std::lock_guard lock(mutex_);
    if (closed_) return;
    closed_callback = close_locked();
  }
  if (closed_callback) closed_callback();
}

void stream_state::wake() {
  if (waiter_.get() != nullptr) {
    waiter_->fulfill();
    waiter_ = nullptr;
  }
}

std::function<void()> stream_state::close_locked() {
  closed_ = true;
  queue_.clear();
  budget_->give_back(std::exchange(queued_bytes_, 0));
  wake();
  if (closed_waiter_.get() != nullptr) {
    closed_waiter_->fulfill();
    closed_waiter_ = nullptr;
  }
  return std::move(on_close_);
}

}  // namespace troupe::net
