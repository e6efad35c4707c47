#include "actors/api/core/schema/schema_texts.hpp"

namespace troupe::api::schema {

std::string_view core_container_schema_text() {
  return R"schema(
# core/v1 containers: ports, environment, resources, mounts, probes,
# lifecycle hooks and security contexts.
package core

struct Container: One application container of a pod.
  name! string: Name of the container, a DNS label unique within the pod.
  image string: The container image to run.
  command []string: Entrypoint, replacing the ENTRYPOINT of the image; $(VAR) references are expanded.
  args []string: Arguments of the entrypoint, replacing the CMD of the image; $(VAR) references are expanded.
  workingDir string: Working directory; the image's by default.
  ports []ContainerPort: Ports the container listens on; informational, except for host ports.
  envFrom []EnvFromSource: Sources whose every key becomes an environment variable.
  env []EnvVar: Environment variables to set.
  resources ResourceRequirements: Compute resources the container requests and is limited to.
  resizePolicy []ContainerResizePolicy: How each resource of the container is resized in place.
  restartPolicy ContainerRestartPolicy: For init containers only: Always turns the container into a sidecar that runs as long as the pod.
  volumeMounts []VolumeMount: Volumes mounted into the filesystem of the container.
  volumeDevices []VolumeDevice: Block devices the container uses.
  livenessProbe Probe: Probe whose failure restarts the container.
  readinessProbe Probe: Probe whose failure takes the container out of service endpoints.
  startupProbe Probe: Probe that must succeed before the other probes start.
  lifecycle Lifecycle: Actions run right after the container starts and right before it stops.
  terminationMessagePath string: File whose content becomes the termination message of the container.
  terminationMessagePolicy TerminationMessagePolicy: File (the default) or FallbackToLogsOnError.
  imagePullPolicy PullPolicy: When the image is pulled: Always, Never or IfNotPresent.
  securityContext SecurityContext: Security options of the container.
  stdin bool: Whether a buffer is kept for the container's standard input.
  stdinOnce bool: Whether standard input is closed after the first attach ends.
  tty bool: Whether the container gets a terminal.

struct EphemeralContainerCommon: The fields an ephemeral container shares with a container.
  inline Container

struct EphemeralContainer: A temporary container added to a running pod, for example to inspect it.
  inline EphemeralContainerCommon
  targetContainerName string: Container whose namespaces (IPC, PID and so on) the ephemeral container joins.

alias ContainerRestartPolicy string: The restart policy of an init container.
alias TerminationMessagePolicy string: Where the termination message of a container comes from.
alias PullPolicy string: When a container image is pulled.
alias Protocol string: A network protocol: TCP, UDP or SCTP.

struct ContainerPort: A network port of a container.
  name string: Name of the port, an IANA service name unique within the pod.
  hostPort int32: Port of the node the container port is exposed on.
  containerPort! int32: Port number on the pod's IP address.
  protocol Protocol: TCP (the default), UDP or SCTP.
  hostIP string: Node IP address the host port binds to.

struct EnvVar: An environment variable of a container.
  name! string: Name of the variable.
  value string: Value; $(VAR) references are expanded.
  valueFrom EnvVarSource: Where the value comes from, when value is empty.

struct EnvVarSource: A source of the value of an environment variable.
  fieldRef ObjectFieldSelector: A field of the pod.
  resourceFieldRef ResourceFieldSelector: A resource limit or request of a container.
  configMapKeyRef ConfigMapKeySelector: A key of a ConfigMap.
  secretKeyRef SecretKeySelector: A key of a Secret.

struct ObjectFieldSelector: Selects a field of an object.
  apiVersion string: Version of the schema the field path is written in; v1 by default.
  fieldPath! string: Path of the field.

struct ResourceFieldSelector: Selects a resource of a container.
  containerName string: The container; required for volumes.
  resource! string: The resource, such as limits.cpu.
  divisor Quantity: Unit the value is expressed in; 1 by default.

struct ConfigMapKeySelector: Selects a key of a ConfigMap.
  inline LocalObjectReference
  key! string: The key.
  optional bool: Whether the ConfigMap or the key may be missing.

struct SecretKeySelector: Selects a key of a Secret.
  inline LocalObjectReference
  key! string: The key.
  optional bool: Whether the Secret or the key may be missing.

struct EnvFromSource: A source of a set of environment variables.
  prefix string: Prefix added to every key.
  configMapRef ConfigMapEnvSource: The ConfigMap to take the variables from.
  secretRef SecretEnvSource: The Secret to take the variables from.

struct ConfigMapEnvSource: A ConfigMap whose keys become environment variables.
  inline LocalObjectReference
  optional bool: Whether the ConfigMap may be missing.

struct SecretEnvSource: A Secret whose keys become environment variables.
  inline LocalObjectReference
  optional bool: Whether the Secret may be missing.

struct ResourceRequirements: Compute resources a container (or pod) requests and is limited to.
  limits ResourceList: Most of each resource allowed.
  requests ResourceList: Least of each resource required; defaults to the limits.
  claims []ResourceClaim: Dynamically allocated resources, by the names of the pod's resource claims.

alias ResourceList map[ResourceName]Quantity: Amounts of resources by resource name.
alias ResourceName string: The name of a resource, such as cpu, memory or ephemeral-storage.

struct ResourceClaim: A reference to one of the resource claims of a pod.
  name! string: Name of an entry of the pod's resourceClaims.
  request string: Name of one request of the claim; all requests when empty.

struct ContainerResizePolicy: How one resource of a container is resized in place.
  resourceName! ResourceName: The resource.
  restartPolicy! ResourceResizeRestartPolicy: NotRequired (the default) or RestartContainer.

alias ResourceResizeRestartPolicy string: Whether resizing a resource restarts the container.

struct VolumeMount: Where a volume is mounted in a container.
  name! string: Name of the volume.
  readOnly bool: Whether the mount is read-only.
  recursiveReadOnly RecursiveReadOnlyMode: Whether read-only also applies to submounts: Disabled (the default), IfPossible or Enabled.
  mountPath! string: Path in the container the volume is mounted at.
  subPath string: Path within the volume to mount instead of its root.
  mountPropagation MountPropagationMode: How mounts propagate between host and container: None, HostToContainer or Bidirectional.
  subPathExpr string: Like subPath, with $(VAR) references to the container's environment expanded.

alias RecursiveReadOnlyMode string: Whether a read-only mount is read-only recursively.
alias MountPropagationMode string: How mounts propagate between host and container.

struct VolumeDevice: A raw block volume mapped into a container.
  name! string: Name of a persistentVolumeClaim volume of the pod.
  devicePath! string: Path in the container the device is mapped to.

struct Probe: A health check of a container and when it runs.
  inline ProbeHandler
  initialDelaySeconds int32: Seconds after the container started before the probe first runs.
  timeoutSeconds int32: Seconds before one probe times out; 1 by default.
  periodSeconds int32: Seconds between probes; 10 by default.
  successThreshold int32: Consecutive successes after a failure that count as success; 1 by default.
  failureThreshold int32: Consecutive failures that count as failure; 3 by default.
  terminationGracePeriodSeconds int64: Grace period of a container stopped because this probe failed.

struct ProbeHandler: What a probe does: one of its members is set.
  exec ExecAction: Run a command in the container.
  httpGet HTTPGetAction: Send an HTTP GET request.
  tcpSocket TCPSocketAction: Open a TCP connection.
  grpc GRPCAction: Call the gRPC health service.

struct ExecAction: A command run in a container; exit status 0 means success.
  command []string: The command and its arguments, run without a shell.

struct HTTPGetAction: An HTTP GET request; a status from 200 to 399 means success.
  path string: Path of the request.
  port! IntOrString: Port number or name of the container port to call.
  host string: Host to connect to; the pod IP by default.
  scheme URIScheme: HTTP (the default) or HTTPS.
  httpHeaders []HTTPHeader: Headers to send.

alias URIScheme string: The scheme of a probe request: HTTP or HTTPS.

struct HTTPHeader: A header of an HTTP probe request.
  name! string: Name of the header.
  value! string: Value of the header.

struct TCPSocketAction: A TCP connection attempt; connecting means success.
  port! IntOrString: Port number or name to connect to.
  host string: Host to connect to; the pod IP by default.

struct GRPCAction: A call of the standard gRPC health service.
  port! int32: Port of the service.
  service string: Service name sent in the health check request.

struct Lifecycle: Actions run when a container starts and before it stops.
  postStart LifecycleHandler: Run right after the container is created; a failure restarts it.
  preStop LifecycleHandler: Run before the container is stopped by an API request or a management event.

struct LifecycleHandler: What a lifecycle hook does: one of its members is set.
  exec ExecAction: Run a command in the container.
  httpGet HTTPGetAction: Send an HTTP GET request.
  tcpSocket TCPSocketAction: Deprecated; kept for compatibility and not run.
  sleep SleepAction: Wait for a while.

struct SleepAction: A pause of a lifecycle hook.
  seconds! int64: Seconds to sleep.

struct SecurityContext: Security options of one container; they override the pod's.
  capabilities Capabilities: Capabilities to add and drop.
  privileged bool: Whether the container runs privileged, as root on the host.
  seLinuxOptions SELinuxOptions: SELinux context of the container.
  windowsOptions WindowsSecurityContextOptions: Windows-specific options.
  runAsUser int64: User ID the entrypoint runs as.
  runAsGroup int64: Primary group ID the entrypoint runs as.
  runAsNonRoot bool: Whether the container must run as a user other than root.
  readOnlyRootFilesystem bool: Whether the root filesystem is read-only.
  allowPrivilegeEscalation bool: Whether a process may gain more privileges than its parent.
  procMount ProcMountType: The kind of /proc mount: Default or Unmasked.
  seccompProfile SeccompProfile: Seccomp profile of the container.
  appArmorProfile AppArmorProfile: AppArmor profile of the container.

struct Capabilities: POSIX capabilities added to and dropped from a container.
  add []Capability: Capabilities to add.
  drop []Capability: Capabilities to drop.

alias Capability string: A POSIX capability, such as NET_ADMIN.
alias ProcMountType string: The kind of /proc mount of a container.

struct SELinuxOptions: An SELinux context.
  user string: SELinux user.
  role string: SELinux role.
  type string: SELinux type.
  level string: SELinux level.

struct WindowsSecurityContextOptions: Windows-specific security options.
  gmsaCredentialSpecName string: Name of the GMSA credential spec to use.
  gmsaCredentialSpec string: Content of the GMSA credential spec.
  runAsUserName string: User name the entrypoint runs as.
  hostProcess bool: Whether the container runs as a host process.

struct SeccompProfile: A seccomp profile; exactly one source is set.
  type! SeccompProfileType: Localhost, RuntimeDefault or Unconfined.
  localhostProfile string: Path of a profile on the node, relative to the kubelet's seccomp directory.

alias SeccompProfileType string: The source of a seccomp profile.

struct AppArmorProfile: An AppArmor profile.
  type! AppArmorProfileType: Localhost, RuntimeDefault or Unconfined.
  localhostProfile string: Name of a profile loaded on the node.

alias AppArmorProfileType string: The source of an AppArmor profile.

struct PodSecurityContext: Security attributes of a pod and defaults for its containers.
  seLinuxOptions SELinuxOptions: SELinux context of all containers.
  windowsOptions WindowsSecurityContextOptions: Windows-specific options of all containers.
  runAsUser int64: User ID the entrypoints run as.
  runAsGroup int64: Primary group ID the entrypoints run as.
  runAsNonRoot bool: Whether the containers must run as a user other than root.
  supplementalGroups []int64: Groups added to the first process of each container.
  supplementalGroupsPolicy SupplementalGroupsPolicy: How supplementary groups are computed: Merge (the default) or Strict.
  fsGroup int64: Group that owns the pod's volumes and is added to every container.
  sysctls []Sysctl: Namespaced kernel parameters set for the pod.
  fsGroupChangePolicy PodFSGroupChangePolicy: When volume ownership is changed: OnRootMismatch or Always (the default).
  seccompProfile SeccompProfile: Seccomp profile of all containers.
  appArmorProfile AppArmorProfile: AppArmor profile of all containers.
  seLinuxChangePolicy PodSELinuxChangePolicy: How the SELinux label of volumes is applied: MountOption or Recursive.

alias SupplementalGroupsPolicy string: How the supplementary groups of a container's first process are computed.
alias PodFSGroupChangePolicy string: When the ownership of a pod's volumes is changed.
alias PodSELinuxChangePolicy string: How the SELinux label of a pod's volumes is applied.

struct Sysctl: A kernel parameter.
  name! string: Name of the parameter.
  value! string: Value of the parameter.
)schema";
}

}  // namespace troupe::api::schema
