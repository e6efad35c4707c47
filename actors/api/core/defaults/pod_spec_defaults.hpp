// The defaults of a pod spec, wherever one appears: a Pod's spec and every
// pod template (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, and a
// CronJob's jobTemplate). SetDefaults_PodSpec gives dnsPolicy
// "ClusterFirst", restartPolicy "Always", securityContext {},
// terminationGracePeriodSeconds 30 and schedulerName "default-scheduler";
// then every volume (volume_defaults.hpp), init, regular and ephemeral
// container (container_defaults.hpp) is defaulted and overhead rounded.
//
// Pod-only defaults (enableServiceLinks, requests from limits, host ports
// under hostNetwork) are not here: kube applies them to Pods alone, never to
// templates (pod_defaults.cpp).
// Pure; never throws; members of unexpected types are left alone.
#pragma once

#include <nlohmann/json.hpp>

namespace troupe::api::defaults {

void default_pod_spec(nlohmann::json& spec);

// `holder.template.spec`, created when absent (the template is a struct in
// kube, so its spec is always defaulted).
void default_pod_template(nlohmann::json& holder);

}  // namespace troupe::api::defaults
