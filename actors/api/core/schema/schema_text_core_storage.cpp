#include "actors/api/core/schema/schema_texts.hpp"

namespace troupe::api::schema {

std::string_view core_storage_schema_text() {
  return R"schema(
# core/v1 persistent storage: PersistentVolume with every source it may
# have, and PersistentVolumeClaim.
package core

kind PersistentVolume: A piece of storage in the cluster, provisioned by an administrator or dynamically.
  spec PersistentVolumeSpec: Desired characteristics of the volume.
  status PersistentVolumeStatus: Most recently observed state of the volume.

struct PersistentVolumeSpec: The characteristics of a persistent volume and where its storage is.
  capacity ResourceList: Capacity of the volume, as storage.
  inline PersistentVolumeSource
  accessModes []PersistentVolumeAccessMode: How the volume can be mounted: ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod.
  claimRef ObjectReference: The claim bound to the volume.
  persistentVolumeReclaimPolicy PersistentVolumeReclaimPolicy: What happens to the volume when its claim goes: Retain, Delete or Recycle.
  storageClassName string: StorageClass the volume belongs to.
  mountOptions []string: Mount options used when the volume is mounted.
  volumeMode PersistentVolumeMode: Filesystem (the default) or Block.
  nodeAffinity VolumeNodeAffinity: Nodes the volume can be reached from.
  volumeAttributesClassName string: VolumeAttributesClass the volume belongs to.

struct PersistentVolumeSource: Where the storage of a persistent volume is; exactly one source is set.
  gcePersistentDisk GCEPersistentDiskVolumeSource: Deprecated: a GCE persistent disk.
  awsElasticBlockStore AWSElasticBlockStoreVolumeSource: Deprecated: an AWS EBS disk.
  hostPath HostPathVolumeSource: A directory of a node, for single-node testing.
  glusterfs GlusterfsPersistentVolumeSource: Deprecated: a GlusterFS volume.
  nfs NFSVolumeSource: An NFS export.
  rbd RBDPersistentVolumeSource: Deprecated: a Ceph RBD image.
  iscsi ISCSIPersistentVolumeSource: An iSCSI disk.
  cinder CinderPersistentVolumeSource: Deprecated: an OpenStack Cinder volume.
  cephfs CephFSPersistentVolumeSource: Deprecated: a CephFS filesystem.
  fc FCVolumeSource: A Fibre Channel disk.
  flocker FlockerVolumeSource: Deprecated: a Flocker dataset.
  flexVolume FlexPersistentVolumeSource: Deprecated: a volume of a FlexVolume driver.
  azureFile AzureFilePersistentVolumeSource: Deprecated: an Azure File share.
  vsphereVolume VsphereVirtualDiskVolumeSource: Deprecated: a vSphere virtual disk.
  quobyte QuobyteVolumeSource: Deprecated: a Quobyte volume.
  azureDisk AzureDiskVolumeSource: Deprecated: an Azure data disk.
  photonPersistentDisk PhotonPersistentDiskVolumeSource: Deprecated: a Photon persistent disk.
  portworxVolume PortworxVolumeSource: Deprecated: a Portworx volume.
  scaleIO ScaleIOPersistentVolumeSource: Deprecated: a ScaleIO volume.
  local LocalVolumeSource: A disk, partition or directory of one node.
  storageos StorageOSPersistentVolumeSource: Deprecated: a StorageOS volume.
  csi CSIPersistentVolumeSource: A volume managed by a CSI driver.

alias PersistentVolumeAccessMode string: How a volume can be mounted.
alias PersistentVolumeReclaimPolicy string: What happens to a volume released by its claim.
alias PersistentVolumeMode string: Whether a volume is a filesystem or a raw block device.

struct VolumeNodeAffinity: The nodes a volume can be reached from.
  required NodeSelector: Nodes that must be chosen.

struct GlusterfsPersistentVolumeSource: A GlusterFS volume of a persistent volume.
  endpoints! string: Endpoints object listing the Gluster servers.
  path! string: Name of the Gluster volume.
  readOnly bool: Whether the volume is mounted read-only.
  endpointsNamespace string: Namespace of the endpoints object; the claim's by default.

struct RBDPersistentVolumeSource: A Ceph RBD image of a persistent volume.
  monitors! []string: Ceph monitors.
  image! string: Name of the image.
  fsType string: Filesystem type to mount, such as ext4.
  pool string: RADOS pool; rbd by default.
  user string: RADOS user; admin by default.
  keyring string: Path of the keyring; /etc/ceph/keyring by default.
  secretRef SecretReference: Secret with the authentication key, replacing the keyring.
  readOnly bool: Whether the image is mounted read-only.

struct ISCSIPersistentVolumeSource: An iSCSI disk of a persistent volume.
  targetPortal! string: iSCSI target portal, an IP address with an optional port.
  iqn! string: iSCSI qualified name of the target.
  lun! int32: Logical unit number of the target.
  iscsiInterface string: iSCSI interface name; default (TCP) when empty.
  fsType string: Filesystem type to mount, such as ext4.
  readOnly bool: Whether the disk is mounted read-only.
  portals []string: Further target portals.
  chapAuthDiscovery bool: Whether CHAP authentication is used for discovery.
  chapAuthSession bool: Whether CHAP authentication is used for the session.
  secretRef SecretReference: Secret with the CHAP credentials.
  initiatorName string: Initiator name replacing the one of the interface.

struct CinderPersistentVolumeSource: An OpenStack Cinder volume of a persistent volume.
  volumeID! string: ID of the volume.
  fsType string: Filesystem type to mount.
  readOnly bool: Whether the volume is mounted read-only.
  secretRef SecretReference: Secret with the parameters to connect to OpenStack.

struct CephFSPersistentVolumeSource: A CephFS filesystem of a persistent volume.
  monitors! []string: Ceph monitors.
  path string: Path within the filesystem to mount; / by default.
  user string: RADOS user; admin by default.
  secretFile string: Path of the key ring; /etc/ceph/user.secret by default.
  secretRef SecretReference: Secret with the authentication key, replacing the secret file.
  readOnly bool: Whether the filesystem is mounted read-only.

struct FlexPersistentVolumeSource: A FlexVolume volume of a persistent volume.
  driver! string: Name of the driver.
  fsType string: Filesystem type to mount.
  secretRef SecretReference: Secret passed to the driver.
  readOnly bool: Whether the volume is mounted read-only.
  options map[string]string: Extra options for the driver.

struct AzureFilePersistentVolumeSource: An Azure File share of a persistent volume.
  secretName! string: Secret with the account name and key.
  shareName! string: Name of the share.
  readOnly bool: Whether the share is mounted read-only.
  secretNamespace string: Namespace of the Secret; the pod's by default.

struct ScaleIOPersistentVolumeSource: A ScaleIO volume of a persistent volume.
  gateway! string: Address of the ScaleIO API gateway.
  system! string: Name of the storage system.
  secretRef! SecretReference: Secret with the ScaleIO user's credentials.
  sslEnabled bool: Whether the gateway is reached over SSL.
  protectionDomain string: Protection domain of the storage.
  storagePool string: Storage pool of the protection domain.
  storageMode string: ThickProvisioned or ThinProvisioned (the default).
  volumeName string: Name of an existing volume.
  fsType string: Filesystem type to mount; xfs by default.
  readOnly bool: Whether the volume is mounted read-only.

struct LocalVolumeSource: Local storage of one node: a disk, partition or directory.
  path! string: Full path of the storage on the node.
  fsType string: Filesystem type, for block devices only.

struct StorageOSPersistentVolumeSource: A StorageOS volume of a persistent volume.
  volumeName string: Name of the volume.
  volumeNamespace string: StorageOS namespace of the volume.
  fsType string: Filesystem type to mount.
  readOnly bool: Whether the volume is mounted read-only.
  secretRef ObjectReference: Secret with the API credentials.

struct CSIPersistentVolumeSource: A persistent volume managed by a CSI driver.
  driver! string: Name of the driver.
  volumeHandle! string: Unique name of the volume, as the driver knows it.
  readOnly bool: Whether the volume is published read-only.
  fsType string: Filesystem type to mount.
  volumeAttributes map[string]string: Driver-specific attributes.
  controllerPublishSecretRef SecretReference: Secret passed to ControllerPublishVolume and ControllerUnpublishVolume.
  nodeStageSecretRef SecretReference: Secret passed to NodeStageVolume and NodeUnstageVolume.
  nodePublishSecretRef SecretReference: Secret passed to NodePublishVolume and NodeUnpublishVolume.
  controllerExpandSecretRef SecretReference: Secret passed to ControllerExpandVolume.
  nodeExpandSecretRef SecretReference: Secret passed to NodeExpandVolume.

struct PersistentVolumeStatus: The observed state of a persistent volume.
  phase PersistentVolumePhase: Pending, Available, Bound, Released or Failed.
  message string: Human-readable reason the volume is in its state.
  reason string: Brief CamelCase reason of a failure.
  lastPhaseTransitionTime Time: When the volume last changed phase.

alias PersistentVolumePhase string: The phase of a persistent volume.

kind PersistentVolumeClaim: A request for storage, bound to a persistent volume.
  spec PersistentVolumeClaimSpec: Desired characteristics of the volume.
  status PersistentVolumeClaimStatus: Most recently observed state of the claim.

struct PersistentVolumeClaimSpec: The storage a claim asks for.
  accessModes []PersistentVolumeAccessMode: Access modes the volume must have.
  selector LabelSelector: Labels of the volumes that may be bound.
  resources VolumeResourceRequirements: Least resources the volume must have.
  volumeName string: Name of the volume to bind.
  storageClassName string: StorageClass the volume must belong to.
  volumeMode PersistentVolumeMode: Filesystem (the default) or Block.
  dataSource TypedLocalObjectReference: A VolumeSnapshot, PersistentVolumeClaim or populator object to fill the volume from.
  dataSourceRef TypedObjectReference: An object, possibly of another namespace, to fill the volume from.
  volumeAttributesClassName string: VolumeAttributesClass the volume is to have.

struct VolumeResourceRequirements: The storage resources a claim needs.
  limits ResourceList: Most of each resource allowed.
  requests ResourceList: Least of each resource required.

struct PersistentVolumeClaimStatus: The observed state of a claim.
  phase PersistentVolumeClaimPhase: Pending, Bound or Lost.
  accessModes []PersistentVolumeAccessMode: Access modes of the bound volume.
  capacity ResourceList: Resources of the bound volume.
  conditions []PersistentVolumeClaimCondition: Current conditions of the claim.
  allocatedResources ResourceList: Resources allocated to the claim, which may exceed the request after a resize.
  allocatedResourceStatuses map[ResourceName]ClaimResourceStatus: State of a resize of each resource.
  currentVolumeAttributesClassName string: VolumeAttributesClass the volume has now.
  modifyVolumeStatus ModifyVolumeStatus: State of a change of the VolumeAttributesClass.

alias PersistentVolumeClaimPhase string: The phase of a persistent volume claim.
alias ClaimResourceStatus string: The state of a resize of a claim's resource.

struct PersistentVolumeClaimCondition: One aspect of the state of a claim.
  type! PersistentVolumeClaimConditionType: Type of the condition, such as Resizing.
  status! ConditionStatus: True, False or Unknown.
  lastProbeTime Time: When the condition was last probed.
  lastTransitionTime Time: When the condition last changed status.
  reason string: CamelCase reason of the last transition.
  message string: Human-readable details of the last transition.

alias PersistentVolumeClaimConditionType string: The type of a claim condition.

struct ModifyVolumeStatus: The state of a change of a volume's VolumeAttributesClass.
  targetVolumeAttributesClassName string: The class being applied.
  status! PersistentVolumeClaimModifyVolumeStatus: Pending, InProgress or Infeasible.

alias PersistentVolumeClaimModifyVolumeStatus string: The state of a change of a volume's attributes class.
)schema";
}

}  // namespace troupe::api::schema
