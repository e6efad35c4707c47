// Every registered message type survives CAF's binary serialization, which is
// what crosses the wire between hosts.
#include "tests/support/caf_catch.hpp"

#include "messages/errors.hpp"
#include "messages/interfaces/membership_actor.hpp"
#include "messages/interfaces/store_replica_actor.hpp"
#include "messages/type_registry.hpp"

using namespace troupe;

namespace {

struct troupe_test_config : caf::actor_system_config {
  troupe_test_config() { register_message_types(*this); }
};

}  // namespace

TEST_CASE_METHOD(test_coordinator_fixture<troupe_test_config>,
                 "membership and store messages survive serialization", "[messages]") {
  member_summary summary{"node-1", "::1", 7450, role_set::all(), 99};
  heartbeat message{summary, {}, {summary, summary}};
  auto copy = roundtrip(message);
  CHECK(copy.sender == summary);
  CHECK(copy.digest.size() == 2);
  member_info info{summary, true, 12, {"membership", "kubelet"}};
  CHECK(roundtrip(info).published == info.published);
  txn_request txn{{{"k", txn_compare::target::version, txn_compare::op::greater, 3}},
                  {{txn_operation::kind::put, "k", "", "v"}},
                  {},
                  5,
                  6};
  auto txn_copy = roundtrip(txn);
  CHECK(txn_copy.compares[0].field == txn_compare::target::version);
  CHECK(txn_copy.success[0].value == "v");
  CHECK(txn_copy.sequence == 6);
}

TEST_CASE_METHOD(test_coordinator_fixture<troupe_test_config>,
                 "Troupe error values render with their category and name", "[messages]") {
  CHECK(sys.render(make_error(membership_error::not_found)) == "membership: not_found");
  CHECK(sys.render(make_error(store_error::compacted)) == "store: compacted");
  CHECK(sys.render(make_error(api_error::conflict)) == "api: Conflict");
}
