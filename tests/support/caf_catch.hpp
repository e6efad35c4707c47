// CAF's test DSL (test_coordinator_fixture, expect, ...) on top of Catch2.
//
// CAF's checking macros are redefined onto Catch2. CAF_REQUIRE and CAF_FAIL
// abort instead of throwing because CAF evaluates them inside destructors
// (STACK.md). One translation unit per test binary must define
// TROUPE_CAF_TEST_MAIN before including this header to instantiate CAF's
// test engine.
#pragma once

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#define CAF_TEST_NO_MAIN
#include <caf/test/unit_test.hpp>

#undef CAF_CHECK
#define CAF_CHECK(...) CHECK(__VA_ARGS__)
#undef CAF_CHECK_EQUAL
#define CAF_CHECK_EQUAL(x, y) CHECK((x) == (y))
#undef CAF_REQUIRE
#define CAF_REQUIRE(...)                                                                         \
  do {                                                                                           \
    if (!(__VA_ARGS__)) {                                                                        \
      std::fprintf(stderr, "%s:%d: CAF_REQUIRE(%s) failed\n", __FILE__, __LINE__, #__VA_ARGS__); \
      std::abort();                                                                              \
    }                                                                                            \
  } while (false)
#undef CAF_REQUIRE_EQUAL
#define CAF_REQUIRE_EQUAL(x, y) CAF_REQUIRE((x) == (y))
#undef CAF_FAIL
#define CAF_FAIL(message)                                                          \
  do {                                                                             \
    std::cerr << __FILE__ << ":" << __LINE__ << ": CAF_FAIL: " << message << "\n"; \
    std::abort();                                                                  \
  } while (false)
#undef CAF_MESSAGE
#define CAF_MESSAGE(message) UNSCOPED_INFO(message)

#include <caf/test/dsl.hpp>

#ifdef TROUPE_CAF_TEST_MAIN
#include <caf/test/unit_test_impl.hpp>
#endif
