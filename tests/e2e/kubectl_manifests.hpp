// Manifests the kubectl tests apply: a two-port Deployment, ConfigMaps in
// two namespaces, a Secret with stringData, a Pod.
#pragma once

#include <string>

namespace troupe::testing {

// `image`, and the Deployment's own labels and container ports as YAML flow
// text ("{app: web, tier: front}", "[80, 443]").
std::string web_deployment(const std::string& image, const std::string& labels,
                           const std::string& ports);

inline const std::string namespaces_and_config = R"(apiVersion: v1
kind: Namespace
metadata:
  name: team-b
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels: {team: a}
data:
  mode: fast
  level: "3"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: other
  namespace: team-b
  labels: {team: b}
data:
  mode: slow
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
  namespace: team-b
type: Opaque
stringData:
  user: admin
data:
  password: cGFzcw==
)";

inline const std::string sleeper_pod = R"(apiVersion: v1
kind: Pod
metadata:
  name: sleeper
  labels: {app: sleeper}
spec:
  containers:
  - name: main
    image: busybox:1.36
    command: [sleep, "3600"]
)";

}  // namespace troupe::testing
