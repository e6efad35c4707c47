// Workload controllers, as kube's printDeployment, printReplicaSet,
// printStatefulSet and printDaemonSet compute them:
//   Deployment   NAME READY UP-TO-DATE AVAILABLE AGE, wide CONTAINERS IMAGES SELECTOR
//   ReplicaSet   NAME DESIRED CURRENT READY AGE, wide CONTAINERS IMAGES SELECTOR
//   StatefulSet  NAME READY AGE, wide CONTAINERS IMAGES
//   DaemonSet    NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE,
//                wide CONTAINERS IMAGES SELECTOR
#include "actors/api/core/tables/table_common_columns.hpp"
#include "actors/api/core/tables/table_fields.hpp"
#include "actors/api/core/tables/table_formats.hpp"
#include "actors/api/core/tables/table_metadata.hpp"
#include "actors/api/core/tables/table_printers.hpp"

namespace troupe::api::tables {

namespace {

using nlohmann::json;

constexpr table_column deployment_columns[] = {
    name_column,
    {"Ready", "string", "", ready_pods_description, 0},
    {"Up-to-date", "string", "",
     "Total number of non-terminated pods targeted by this deployment that have the desired "
     "template spec.",
     0},
    {"Available", "string", "",
     "Total number of available pods (ready for at least minReadySeconds) targeted by this "
     "deployment.",
     0},
    age_column,
    containers_column,
    images_column,
    {"Selector", "string", "",
     "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the "
     "ones affected by this deployment.",
     1},
};

constexpr table_column replica_set_columns[] = {
    name_column,
    {"Desired", "integer", "",
     "Replicas is the number of desired replicas. This is a pointer to distinguish between "
     "explicit zero and unspecified. Defaults to 1. More info: "
     "https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/"
     "#what-is-a-replicationcontroller",
     0},
    // "oberved" is kube's own spelling of this description.
    {"Current", "integer", "",
     "Replicas is the most recently oberved number of replicas. More info: "
     "https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/"
     "#what-is-a-replicationcontroller",
     0},
    {"Ready", "integer", "", "The number of ready replicas for this replica set.", 0},
    age_column,
    containers_column,
    images_column,
    {"Selector", "string", "",
     "Selector is a label query over pods that should match the replica count. If the selector "
     "is empty, it is defaulted to the labels present on the pod template. Label keys and values "
     "that must match in order to be controlled by this replica set. More info: "
     "https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
     1},
};

constexpr table_column stateful_set_columns[] = {
    name_column,   {"Ready", "string", "", ready_pods_description, 0},
    age_column,    containers_column,
    images_column,
};

constexpr table_column daemon_set_columns[] = {
    name_column,
    {"Desired", "integer", "",
     "The total number of nodes that should be running the daemon pod (including nodes "
     "correctly running the daemon pod). More info: "
     "https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/",
     0},
    {"Current", "integer", "",
     "The number of nodes that are running at least 1 daemon pod and are supposed to run the "
     "daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/",
     0},
    {"Ready", "integer", "",
     "The number of nodes that should be running the daemon pod and have one or more of the "
     "daemon pod running and ready.",
     0},
    {"Up-to-date", "integer", "", "The total number of nodes that are running updated daemon pod",
     0},
    {"Available", "integer", "",
     "The number of nodes that should be running the daemon pod and have one or more of the "
     "daemon pod running and available (ready for at least spec.minReadySeconds)",
     0},
    {"Node Selector", "string", "",
     "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which "
     "must match a node's labels for the pod to be scheduled on that node. More info: "
     "https://kubernetes.io/docs/concepts/configuration/assign-pod-node/",
     0},
    age_column,
    containers_column,
    images_column,
    {"Selector", "string", "",
     "A label query over pods that are managed by the daemon set. Must match in order to be "
     "controlled. If empty, defaulted to labels on Pod template. More info: "
     "https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors",
     1},
};

const json& template_containers(const json& spec) {
  return list_member(member(member(spec, "template"), "spec"), "containers");
}

std::string ratio(std::int64_t part, std::int64_t whole) {
  return std::to_string(part) + "/" + std::to_string(whole);
}

table_row print_deployment(const json& deployment, std::chrono::system_clock::time_point now) {
  const auto& spec = member(deployment, "spec");
  const auto& status = member(deployment, "status");
  const auto& containers = template_containers(spec);
  table_row row;
  row.cells = json::array(
      {name_of(deployment),
       ratio(integer_member(status, "readyReplicas"), integer_member(spec, "replicas")),
       integer_member(status, "updatedReplicas"), integer_member(status, "availableReplicas"),
       age_of(deployment, now), container_names(containers), container_images(containers),
       selector_text(member(spec, "selector"))});
  return row;
}

table_row print_replica_set(const json& replica_set, std::chrono::system_clock::time_point now) {
  const auto& spec = member(replica_set, "spec");
  const auto& status = member(replica_set, "status");
  const auto& containers = template_containers(spec);
  table_row row;
  row.cells =
      json::array({name_of(replica_set), integer_member(spec, "replicas"),
                   integer_member(status, "replicas"), integer_member(status, "readyReplicas"),
                   age_of(replica_set, now), container_names(containers),
                   container_images(containers), format_label_selector(member(spec, "selector"))});
  return row;
}

table_row print_stateful_set(const json& stateful_set, std::chrono::system_clock::time_point now) {
  const auto& spec = member(stateful_set, "spec");
  const auto& containers = template_containers(spec);
  table_row row;
  row.cells = json::array({name_of(stateful_set),
                           ratio(integer_member(member(stateful_set, "status"), "readyReplicas"),
                                 integer_member(spec, "replicas")),
                           age_of(stateful_set, now), container_names(containers),
                           container_images(containers)});
  return row;
}

table_row print_daemon_set(const json& daemon_set, std::chrono::system_clock::time_point now) {
  const auto& spec = member(daemon_set, "spec");
  const auto& status = member(daemon_set, "status");
  const auto& containers = template_containers(spec);
  table_row row;
  row.cells = json::array(
      {name_of(daemon_set), integer_member(status, "desiredNumberScheduled"),
       integer_member(status, "currentNumberScheduled"), integer_member(status, "numberReady"),
       integer_member(status, "updatedNumberScheduled"), integer_member(status, "numberAvailable"),
       format_labels(member(member(member(spec, "template"), "spec"), "nodeSelector")),
       age_of(daemon_set, now), container_names(containers), container_images(containers),
       format_label_selector(member(spec, "selector"))});
  return row;
}

}  // namespace

const table_printer deployment_printer{deployment_columns, print_deployment};
const table_printer replica_set_printer{replica_set_columns, print_replica_set};
const table_printer stateful_set_printer{stateful_set_columns, print_stateful_set};
const table_printer daemon_set_printer{daemon_set_columns, print_daemon_set};

}  // namespace troupe::api::tables
