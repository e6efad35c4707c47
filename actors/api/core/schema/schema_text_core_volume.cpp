#include "actors/api/core/schema/schema_texts.hpp"

namespace troupe::api::schema {

std::string_view core_volume_schema_text() {
  return R"schema(
# core/v1 pod volumes and every volume source a pod may use.
package core

struct Volume: A named volume of a pod; exactly one source is set.
  name! string: Name of the volume, a DNS label unique within the pod.
  inline VolumeSource

struct VolumeSource: Where the data of a pod volume comes from.
  hostPath HostPathVolumeSource: A file or directory of the node.
  emptyDir EmptyDirVolumeSource: An empty directory that lives as long as the pod.
  gcePersistentDisk GCEPersistentDiskVolumeSource: Deprecated: a GCE persistent disk.
  awsElasticBlockStore AWSElasticBlockStoreVolumeSource: Deprecated: an AWS EBS disk.
  gitRepo GitRepoVolumeSource: Deprecated: a git repository cloned into an empty directory.
  secret SecretVolumeSource: The keys of a Secret as files.
  nfs NFSVolumeSource: An NFS export.
  iscsi ISCSIVolumeSource: An iSCSI disk.
  glusterfs GlusterfsVolumeSource: Deprecated: a GlusterFS volume.
  persistentVolumeClaim PersistentVolumeClaimVolumeSource: A PersistentVolumeClaim of the pod's namespace.
  rbd RBDVolumeSource: Deprecated: a Ceph RBD image.
  flexVolume FlexVolumeSource: Deprecated: a volume of a FlexVolume driver.
  cinder CinderVolumeSource: Deprecated: an OpenStack Cinder volume.
  cephfs CephFSVolumeSource: Deprecated: a CephFS filesystem.
  flocker FlockerVolumeSource: Deprecated: a Flocker dataset.
  downwardAPI DownwardAPIVolumeSource: Fields of the pod as files.
  fc FCVolumeSource: A Fibre Channel disk.
  azureFile AzureFileVolumeSource: Deprecated: an Azure File share.
  configMap ConfigMapVolumeSource: The keys of a ConfigMap as files.
  vsphereVolume VsphereVirtualDiskVolumeSource: Deprecated: a vSphere virtual disk.
  quobyte QuobyteVolumeSource: Deprecated: a Quobyte volume.
  azureDisk AzureDiskVolumeSource: Deprecated: an Azure data disk.
  photonPersistentDisk PhotonPersistentDiskVolumeSource: Deprecated: a Photon persistent disk.
  projected ProjectedVolumeSource: Secrets, ConfigMaps, downward API data and tokens in one directory.
  portworxVolume PortworxVolumeSource: Deprecated: a Portworx volume.
  scaleIO ScaleIOVolumeSource: Deprecated: a ScaleIO volume.
  storageos StorageOSVolumeSource: Deprecated: a StorageOS volume.
  csi CSIVolumeSource: An ephemeral volume of a CSI driver.
  ephemeral EphemeralVolumeSource: A volume from a claim created with the pod and deleted with it.
  image ImageVolumeSource: The content of an OCI image or artifact.

struct HostPathVolumeSource: A file or directory of the node mapped into a pod.
  path! string: Path on the node; a symbolic link is followed.
  type HostPathType: What must exist at the path, such as Directory, DirectoryOrCreate, File or Socket.

alias HostPathType string: What a host path volume expects to find at its path.

struct EmptyDirVolumeSource: An empty directory that lives as long as the pod.
  medium StorageMedium: Storage medium: empty for the node's default, or Memory.
  sizeLimit Quantity: Most storage the directory may take.

alias StorageMedium string: The storage medium of an empty directory.

struct GCEPersistentDiskVolumeSource: A GCE persistent disk.
  pdName! string: Name of the disk.
  fsType string: Filesystem type to mount, such as ext4.
  partition int32: Partition to mount; the whole disk when 0.
  readOnly bool: Whether the disk is mounted read-only.

struct AWSElasticBlockStoreVolumeSource: An AWS EBS disk.
  volumeID! string: ID of the EBS volume.
  fsType string: Filesystem type to mount, such as ext4.
  partition int32: Partition to mount; the whole disk when 0.
  readOnly bool: Whether the disk is mounted read-only.

struct GitRepoVolumeSource: A git repository cloned into an empty directory.
  repository! string: URL of the repository.
  revision string: Commit hash to check out.
  directory string: Directory to clone into; "." clones into the volume root.

struct SecretVolumeSource: The keys of a Secret, each a file of the volume.
  secretName string: Name of the Secret in the pod's namespace.
  items []KeyToPath: Keys to project and their paths; all keys when empty.
  defaultMode int32: Permission bits of the files, 0644 by default.
  optional bool: Whether the Secret or its keys may be missing.

struct KeyToPath: A key mapped to a file path of a volume.
  key! string: The key.
  path! string: Relative path of the file.
  mode int32: Permission bits of the file; the volume's default mode otherwise.

struct NFSVolumeSource: An NFS export.
  server! string: Host name or IP address of the server.
  path! string: Path of the export.
  readOnly bool: Whether the export is mounted read-only.

struct ISCSIVolumeSource: An iSCSI disk.
  targetPortal! string: iSCSI target portal, an IP address with an optional port.
  iqn! string: iSCSI qualified name of the target.
  lun! int32: Logical unit number of the target.
  iscsiInterface string: iSCSI interface name; default (TCP) when empty.
  fsType string: Filesystem type to mount, such as ext4.
  readOnly bool: Whether the disk is mounted read-only.
  portals []string: Further target portals.
  chapAuthDiscovery bool: Whether CHAP authentication is used for discovery.
  chapAuthSession bool: Whether CHAP authentication is used for the session.
  secretRef LocalObjectReference: Secret with the CHAP credentials.
  initiatorName string: Initiator name replacing the one of the interface.

struct GlusterfsVolumeSource: A GlusterFS volume.
  endpoints! string: Endpoints object listing the Gluster servers.
  path! string: Name of the Gluster volume.
  readOnly bool: Whether the volume is mounted read-only.

struct PersistentVolumeClaimVolumeSource: A PersistentVolumeClaim used as a pod volume.
  claimName! string: Name of the claim in the pod's namespace.
  readOnly bool: Whether the volume is mounted read-only.

struct RBDVolumeSource: A Ceph RBD image.
  monitors! []string: Ceph monitors.
  image! string: Name of the image.
  fsType string: Filesystem type to mount, such as ext4.
  pool string: RADOS pool; rbd by default.
  user string: RADOS user; admin by default.
  keyring string: Path of the keyring; /etc/ceph/keyring by default.
  secretRef LocalObjectReference: Secret with the authentication key, replacing the keyring.
  readOnly bool: Whether the image is mounted read-only.

struct FlexVolumeSource: A volume of a FlexVolume driver.
  driver! string: Name of the driver.
  fsType string: Filesystem type to mount.
  secretRef LocalObjectReference: Secret passed to the driver.
  readOnly bool: Whether the volume is mounted read-only.
  options map[string]string: Extra options for the driver.

struct CinderVolumeSource: An OpenStack Cinder volume.
  volumeID! string: ID of the volume.
  fsType string: Filesystem type to mount.
  readOnly bool: Whether the volume is mounted read-only.
  secretRef LocalObjectReference: Secret with the parameters to connect to OpenStack.

struct CephFSVolumeSource: A CephFS filesystem.
  monitors! []string: Ceph monitors.
  path string: Path within the filesystem to mount; / by default.
  user string: RADOS user; admin by default.
  secretFile string: Path of the key ring; /etc/ceph/user.secret by default.
  secretRef LocalObjectReference: Secret with the authentication key, replacing the secret file.
  readOnly bool: Whether the filesystem is mounted read-only.

struct FlockerVolumeSource: A Flocker dataset; one of the two fields is set.
  datasetName string: Name of the dataset.
  datasetUUID string: UUID of the dataset.

struct DownwardAPIVolumeSource: Fields of the pod, each a file of the volume.
  items []DownwardAPIVolumeFile: The files.
  defaultMode int32: Permission bits of the files, 0644 by default.

struct DownwardAPIVolumeFile: A file holding a field of the pod.
  path! string: Relative path of the file.
  fieldRef ObjectFieldSelector: A field of the pod: metadata.name, metadata.namespace, metadata.labels or metadata.annotations.
  resourceFieldRef ResourceFieldSelector: A resource limit or request of a container.
  mode int32: Permission bits of the file; the volume's default mode otherwise.

struct FCVolumeSource: A Fibre Channel disk.
  targetWWNs []string: World wide names of the targets.
  lun int32: Logical unit number of the target.
  fsType string: Filesystem type to mount.
  readOnly bool: Whether the disk is mounted read-only.
  wwids []string: World wide identifiers of the volume; an alternative to targetWWNs and lun.

struct AzureFileVolumeSource: An Azure File share.
  secretName! string: Secret with the account name and key.
  shareName! string: Name of the share.
  readOnly bool: Whether the share is mounted read-only.

struct ConfigMapVolumeSource: The keys of a ConfigMap, each a file of the volume.
  inline LocalObjectReference
  items []KeyToPath: Keys to project and their paths; all keys when empty.
  defaultMode int32: Permission bits of the files, 0644 by default.
  optional bool: Whether the ConfigMap or its keys may be missing.

struct VsphereVirtualDiskVolumeSource: A vSphere virtual disk.
  volumePath! string: Path of the disk.
  fsType string: Filesystem type to mount.
  storagePolicyName string: Name of the storage policy.
  storagePolicyID string: ID of the storage policy.

struct QuobyteVolumeSource: A Quobyte volume.
  registry! string: Quobyte registries, as host:port pairs separated by commas.
  volume! string: Name of the volume.
  readOnly bool: Whether the volume is mounted read-only.
  user string: User the volume is accessed as.
  group string: Group the volume is accessed as.
  tenant string: Tenant owning the volume.

struct AzureDiskVolumeSource: An Azure data disk.
  diskName! string: Name of the disk.
  diskURI! string: URI of the disk.
  cachingMode AzureDataDiskCachingMode: Host caching: None, ReadOnly or ReadWrite.
  fsType string: Filesystem type to mount; ext4 by default.
  readOnly bool: Whether the disk is mounted read-only.
  kind AzureDataDiskKind: Shared, Dedicated or Managed (the default).

alias AzureDataDiskCachingMode string: The host caching mode of an Azure data disk.
alias AzureDataDiskKind string: The kind of an Azure data disk.

struct PhotonPersistentDiskVolumeSource: A Photon persistent disk.
  pdID! string: ID of the disk.
  fsType string: Filesystem type to mount.

struct ProjectedVolumeSource: Several sources projected into one directory.
  sources []VolumeProjection: The sources.
  defaultMode int32: Permission bits of the files, 0644 by default.

struct VolumeProjection: One source of a projected volume; one of its members is set.
  secret SecretProjection: Keys of a Secret.
  downwardAPI DownwardAPIProjection: Fields of the pod.
  configMap ConfigMapProjection: Keys of a ConfigMap.
  serviceAccountToken ServiceAccountTokenProjection: A token of the pod's service account.
  clusterTrustBundle ClusterTrustBundleProjection: Certificates of ClusterTrustBundle objects.

struct SecretProjection: The keys of a Secret in a projected volume.
  inline LocalObjectReference
  items []KeyToPath: Keys to project and their paths; all keys when empty.
  optional bool: Whether the Secret or its keys may be missing.

struct DownwardAPIProjection: Fields of the pod in a projected volume.
  items []DownwardAPIVolumeFile: The files.

struct ConfigMapProjection: The keys of a ConfigMap in a projected volume.
  inline LocalObjectReference
  items []KeyToPath: Keys to project and their paths; all keys when empty.
  optional bool: Whether the ConfigMap or its keys may be missing.

struct ServiceAccountTokenProjection: A service account token written to a file and renewed by the kubelet.
  audience string: Audience the token is meant for; the API server by default.
  expirationSeconds int64: Requested validity of the token; one hour by default.
  path! string: Relative path of the file.

struct ClusterTrustBundleProjection: The certificates of ClusterTrustBundle objects written to a file.
  name string: Name of one ClusterTrustBundle.
  signerName string: Signer whose bundles are selected.
  labelSelector LabelSelector: Selects bundles of the signer by labels.
  optional bool: Whether a missing bundle is tolerated.
  path! string: Relative path of the file.

struct PortworxVolumeSource: A Portworx volume.
  volumeID! string: ID of the volume.
  fsType string: Filesystem type to mount.
  readOnly bool: Whether the volume is mounted read-only.

struct ScaleIOVolumeSource: A ScaleIO volume.
  gateway! string: Address of the ScaleIO API gateway.
  system! string: Name of the storage system.
  secretRef! LocalObjectReference: Secret with the ScaleIO user's credentials.
  sslEnabled bool: Whether the gateway is reached over SSL.
  protectionDomain string: Protection domain of the storage.
  storagePool string: Storage pool of the protection domain.
  storageMode string: ThickProvisioned or ThinProvisioned (the default).
  volumeName string: Name of an existing volume.
  fsType string: Filesystem type to mount; xfs by default.
  readOnly bool: Whether the volume is mounted read-only.

struct StorageOSVolumeSource: A StorageOS volume.
  volumeName string: Name of the volume.
  volumeNamespace string: StorageOS namespace of the volume; the pod's by default.
  fsType string: Filesystem type to mount.
  readOnly bool: Whether the volume is mounted read-only.
  secretRef LocalObjectReference: Secret with the API credentials.

struct CSIVolumeSource: An ephemeral volume provided by a CSI driver.
  driver! string: Name of the driver.
  readOnly bool: Whether the volume is mounted read-only.
  fsType string: Filesystem type to mount.
  volumeAttributes map[string]string: Driver-specific attributes.
  nodePublishSecretRef LocalObjectReference: Secret passed to the driver's publish calls.

struct EphemeralVolumeSource: A volume backed by a claim created with the pod and deleted with it.
  volumeClaimTemplate PersistentVolumeClaimTemplate: Template of the claim.

struct PersistentVolumeClaimTemplate: The claim an ephemeral volume creates.
  metadata ObjectMeta: Labels and annotations copied into the claim.
  spec! PersistentVolumeClaimSpec: Specification of the claim.

struct ImageVolumeSource: The content of an OCI image or artifact, mounted read-only.
  reference string: Image or artifact reference to pull.
  pullPolicy PullPolicy: When the image is pulled: Always, Never or IfNotPresent.
)schema";
}

}  // namespace troupe::api::schema
