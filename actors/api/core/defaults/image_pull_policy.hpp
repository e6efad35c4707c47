// The imagePullPolicy Kubernetes gives a container that has none
// (SetDefaults_Container): "Always" when the image reference names the tag
// "latest", or names neither a tag nor a digest; "IfNotPresent" otherwise.
//
// The reference is read as kubelet's parsers.ParseImageName reads it, with
// distribution/reference's ParseNormalizedNamed: a name without a registry
// is on docker.io ("nginx" is "docker.io/library/nginx"), "host:5000/nginx"
// names a registry port, not a tag, and a digest alone ("nginx@sha256:...")
// is no tag. A text that is not a valid reference (empty, upper case in the
// repository, a bad tag or digest) gets "IfNotPresent", as in kube, where the
// parse error is ignored and the tag is then empty.
// Pure; never throws.
#pragma once

#include <string_view>

namespace troupe::api::defaults {

std::string_view default_image_pull_policy(std::string_view image);

}  // namespace troupe::api::defaults
