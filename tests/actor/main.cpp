#define CATCH_CONFIG_MAIN
#define TROUPE_CAF_TEST_MAIN
#include "tests/support/caf_catch.hpp"
