#include "tests/e2e/kubectl_manifests.hpp"

#include <sstream>

namespace troupe::testing {

std::string web_deployment(const std::string& image, const std::string& labels,
                           const std::string& ports) {
  std::ostringstream yaml;
  yaml << "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: " << labels
       << "\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n"
          "    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n"
          "      - name: web\n        image: "
       << image << "\n        ports:\n";
  std::string list = ports.substr(1, ports.size() - 2);
  std::istringstream each(list);
  std::string port;
  while (std::getline(each, port, ','))
    yaml << "        - containerPort: " << port.substr(port.find_first_not_of(' ')) << "\n";
  return yaml.str();
}

}  // namespace troupe::testing
