// Pods: NAME READY STATUS RESTARTS AGE, wide IP NODE NOMINATED NODE
// READINESS GATES; STATUS and RESTARTS follow kube's printPod step by step
// (init containers first, then containers from last to first, then
// deletion), because kubectl users read these words to diagnose pods.
#include <optional>

#include "actors/api/core/tables/table_common_columns.hpp"
#include "actors/api/core/tables/table_fields.hpp"
#include "actors/api/core/tables/table_metadata.hpp"
#include "actors/api/core/tables/table_printers.hpp"
#include "actors/api/core/tables/table_timestamps.hpp"

namespace troupe::api::tables {

namespace {

using nlohmann::json;

constexpr table_column pod_columns[] = {
    name_column,
    {"Ready", "string", "", "The aggregate readiness state of this pod for accepting traffic.", 0},
    {"Status", "string", "", "The aggregate status of the containers in this pod.", 0},
    {"Restarts", "string", "",
     "The number of times the containers in this pod have been restarted and when the last "
     "container in this pod has restarted.",
     0},
    age_column,
    {"IP", "string", "",
     "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet "
     "allocated.",
     1},
    {"Node", "string", "",
     "NodeName is a request to schedule this pod onto a specific node. If it is non-empty, the "
     "scheduler simply schedules this pod onto that node, assuming that it fits resource "
     "requirements.",
     1},
    {"Nominated Node", "string", "",
     "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot "
     "be scheduled right away as preemption victims receive their graceful termination periods. "
     "This field does not guarantee that the pod will be scheduled on this node. Scheduler may "
     "decide to place the pod elsewhere if other nodes become available sooner. Scheduler may "
     "also decide to give the resources on this node to a higher priority pod that is created "
     "after preemption. As a result, this field may be different than PodSpec.nodeName when the "
     "pod is scheduled.",
     1},
    {"Readiness Gates", "string", "",
     "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when "
     "all its containers are ready AND all conditions specified in the readiness gates have "
     "status equal to \"True\" More info: "
     "https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates",
     1},
};

// Restarts summed over container statuses, with the latest time one of them
// last terminated (kube's lastRestartDate).
struct restart_tally {
  std::int64_t count = 0;
  std::optional<timestamp> last;

  void add(const json& container_status) {
    count += integer_member(container_status, "restartCount");
    auto finished = timestamp_value(
        member(member(member(container_status, "lastState"), "terminated"), "finishedAt"));
    if (finished && (!last || nanoseconds_between(*last, *finished) > 0)) last = finished;
  }
};

struct pod_summary {
  std::string reason;
  std::int64_t ready = 0;
  restart_tally restarts;
};

// podutil.IsRestartableInitContainer of the spec's init container `name`
// (an unknown name is not restartable).
bool restartable_init_container(const json& spec, const std::string& name) {
  const json* found = nullptr;
  for (const auto& container : list_member(spec, "initContainers"))
    if (text_member(container, "name") == name) found = &container;
  return found != nullptr && text_member(*found, "restartPolicy") == "Always";
}

std::int64_t restartable_init_containers(const json& spec) {
  std::int64_t count = 0;
  for (const auto& container : list_member(spec, "initContainers"))
    if (text_member(container, "restartPolicy") == "Always") ++count;
  return count;
}

// isPodInitializedConditionTrue: the first Initialized condition decides.
bool initialized(const json& status) {
  for (const auto& condition : list_member(status, "conditions"))
    if (text_member(condition, "type") == "Initialized")
      return text_member(condition, "status") == "True";
  return false;
}

bool ready_condition(const json& status) {
  for (const auto& condition : list_member(status, "conditions"))
    if (text_member(condition, "type") == "Ready" && text_member(condition, "status") == "True")
      return true;
  return false;
}

std::string terminated_reason(const json& terminated, const std::string& prefix) {
  const auto& reason = text_member(terminated, "reason");
  if (!reason.empty()) return prefix + reason;
  if (auto signal = integer_member(terminated, "signal"); signal != 0)
    return prefix + "Signal:" + std::to_string(signal);
  return prefix + "ExitCode:" + std::to_string(integer_member(terminated, "exitCode"));
}

// The init container statuses in order, up to the first one still
// initializing; returns whether one is (and sets the reason to say how).
bool scan_init_containers(const json& spec, const json& status, pod_summary& pod,
                          restart_tally& restartable_restarts) {
  const auto& statuses = list_member(status, "initContainerStatuses");
  for (std::size_t index = 0; index < statuses.size(); ++index) {
    const auto& container = statuses[index];
    pod.restarts.add(container);
    bool restartable = restartable_init_container(spec, text_member(container, "name"));
    if (restartable) restartable_restarts.add(container);
    const auto& terminated = member(member(container, "state"), "terminated");
    const auto& waiting_reason =
        text_member(member(member(container, "state"), "waiting"), "reason");
    if (!terminated.is_null() && integer_member(terminated, "exitCode") == 0) continue;
    if (restartable && flag_member(container, "started")) {
      if (flag_member(container, "ready")) ++pod.ready;
      continue;
    }
    if (!terminated.is_null())
      pod.reason = terminated_reason(terminated, "Init:");
    else if (!waiting_reason.empty() && waiting_reason != "PodInitializing")
      pod.reason = "Init:" + waiting_reason;
    else
      pod.reason = "Init:" + std::to_string(index) + "/" +
                   std::to_string(list_member(spec, "initContainers").size());
    return true;
  }
  return false;
}

// The containers from last to first, so the first container's state wins.
void scan_containers(const json& status, pod_summary& pod) {
  const auto& statuses = list_member(status, "containerStatuses");
  bool running = false;
  for (auto container = statuses.rbegin(); container != statuses.rend(); ++container) {
    pod.restarts.add(*container);
    const auto& state = member(*container, "state");
    const auto& waiting_reason = text_member(member(state, "waiting"), "reason");
    const auto& terminated = member(state, "terminated");
    if (!waiting_reason.empty()) {
      pod.reason = waiting_reason;
    } else if (!terminated.is_null()) {
      pod.reason = terminated_reason(terminated, "");
    } else if (flag_member(*container, "ready") && has_member(state, "running")) {
      running = true;
      ++pod.ready;
    }
  }
  // A pod with a container still running is not "Completed" yet.
  if (pod.reason == "Completed" && running)
    pod.reason = ready_condition(status) ? "Running" : "NotReady";
}

std::string initial_reason(const json& status) {
  std::string reason = text_member(status, "phase");
  if (!text_member(status, "reason").empty()) reason = text_member(status, "reason");
  for (const auto& condition : list_member(status, "conditions"))
    if (text_member(condition, "type") == "PodScheduled" &&
        text_member(condition, "reason") == "SchedulingGated")
      reason = "SchedulingGated";
  return reason;
}

pod_summary summarize(const json& pod_object) {
  const auto& spec = member(pod_object, "spec");
  const auto& status = member(pod_object, "status");
  pod_summary pod{initial_reason(status), 0, {}};
  restart_tally restartable_restarts;
  bool initializing = scan_init_containers(spec, status, pod, restartable_restarts);
  if (!initializing || initialized(status)) {
    // Once initialized, only sidecar (restartable init container) restarts
    // count besides the containers'.
    pod.restarts = restartable_restarts;
    scan_containers(status, pod);
  }
  const auto& phase = text_member(status, "phase");
  if (deletion_requested(pod_object) && text_member(status, "reason") == "NodeLost")
    pod.reason = "Unknown";
  else if (deletion_requested(pod_object) && phase != "Failed" && phase != "Succeeded")
    pod.reason = "Terminating";
  return pod;
}

std::string restarts_text(const restart_tally& restarts,
                          std::chrono::system_clock::time_point now) {
  auto text = std::to_string(restarts.count);
  if (restarts.count != 0 && restarts.last) text += " (" + age_since(*restarts.last, now) + " ago)";
  return text;
}

std::string readiness_gates(const json& spec, const json& status) {
  const auto& gates = list_member(spec, "readinessGates");
  if (gates.empty()) return "<none>";
  std::size_t passed = 0;
  for (const auto& gate : gates) {
    for (const auto& condition : list_member(status, "conditions")) {
      if (text_member(condition, "type") != text_member(gate, "conditionType")) continue;
      if (text_member(condition, "status") == "True") ++passed;
      break;
    }
  }
  return std::to_string(passed) + "/" + std::to_string(gates.size());
}

std::string or_none(const std::string& text) {
  return text.empty() ? "<none>" : text;
}

// The pod's first IP as kube's internal PodStatus holds it: converting from
// v1 makes status.podIP, when set, the first of podIPs.
std::string first_pod_ip(const json& status) {
  if (!text_member(status, "podIP").empty()) return text_member(status, "podIP");
  const auto& pod_ips = list_member(status, "podIPs");
  return pod_ips.empty() ? std::string() : text_member(pod_ips[0], "ip");
}

json completion_conditions(const std::string& phase) {
  if (phase == "Succeeded")
    return json::array({{{"type", "Completed"},
                         {"status", "True"},
                         {"reason", "Succeeded"},
                         {"message", "The pod has completed successfully."}}});
  if (phase == "Failed")
    return json::array({{{"type", "Completed"},
                         {"status", "True"},
                         {"reason", "Failed"},
                         {"message", "The pod failed."}}});
  return nullptr;
}

table_row print_pod(const json& pod_object, std::chrono::system_clock::time_point now) {
  const auto& spec = member(pod_object, "spec");
  const auto& status = member(pod_object, "status");
  auto pod = summarize(pod_object);
  auto total = static_cast<std::int64_t>(list_member(spec, "containers").size()) +
               restartable_init_containers(spec);
  table_row row;
  row.conditions = completion_conditions(text_member(status, "phase"));
  row.cells =
      json::array({name_of(pod_object), std::to_string(pod.ready) + "/" + std::to_string(total),
                   pod.reason, restarts_text(pod.restarts, now), age_of(pod_object, now)});
  row.cells.push_back(or_none(first_pod_ip(status)));
  row.cells.push_back(or_none(text_member(spec, "nodeName")));
  row.cells.push_back(or_none(text_member(status, "nominatedNodeName")));
  row.cells.push_back(readiness_gates(spec, status));
  return row;
}

}  // namespace

const table_printer pod_printer{pod_columns, print_pod};

}  // namespace troupe::api::tables
