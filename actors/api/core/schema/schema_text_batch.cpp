#include "actors/api/core/schema/schema_texts.hpp"

namespace troupe::api::schema {

std::string_view batch_schema_text() {
  return R"schema(
# batch/v1: Job and CronJob.
package batch io.k8s.api.batch.v1 v1 batch/v1

kind Job: Runs pods until a given number of them complete successfully.
  spec JobSpec: Desired behaviour of the Job.
  status JobStatus: Most recently observed state of the Job.

struct JobSpec: The desired behaviour of a Job.
  parallelism int32: Most pods that run at once.
  completions int32: Number of pods that must succeed; any one success completes the Job when unset.
  activeDeadlineSeconds int64: Seconds the Job may be active, counted from its start, before it is failed.
  podFailurePolicy PodFailurePolicy: How failures of pods are handled, by exit codes and conditions.
  successPolicy SuccessPolicy: When an Indexed Job is declared successful before all its pods succeed.
  backoffLimit int32: Retries before the Job is failed; 6 by default.
  backoffLimitPerIndex int32: Retries of each index of an Indexed Job before that index is failed.
  maxFailedIndexes int32: Failed indexes tolerated before an Indexed Job is failed.
  selector LabelSelector: Selects the pods of the Job; generated unless manualSelector is set.
  manualSelector bool: Whether the selector is set by hand rather than generated.
  template! PodTemplateSpec: Template of the pods; restartPolicy must be Never or OnFailure.
  ttlSecondsAfterFinished int32: Seconds after the Job finishes before it is deleted.
  completionMode CompletionMode: NonIndexed (the default) or Indexed, where each pod gets an index.
  suspend bool: Whether the Job is suspended: no pods are created and running ones are stopped.
  podReplacementPolicy PodReplacementPolicy: When replacement pods are created: TerminatingOrFailed or Failed.
  managedBy string: Controller that manages the Job; the built-in one when empty.

alias CompletionMode string: How the completion of a Job's pods is tracked.
alias PodReplacementPolicy string: When a Job creates a replacement pod.

struct PodFailurePolicy: How failed pods of a Job are handled.
  rules! []PodFailurePolicyRule: Rules checked in order; the first match decides.

struct PodFailurePolicyRule: An action taken when a failed pod matches its requirements.
  action! PodFailurePolicyAction: FailJob, FailIndex, Ignore or Count.
  onExitCodes PodFailurePolicyOnExitCodesRequirement: Matches by container exit codes.
  onPodConditions []PodFailurePolicyOnPodConditionsPattern: Matches by pod conditions.

alias PodFailurePolicyAction string: What a Job does about a matching failed pod.

struct PodFailurePolicyOnExitCodesRequirement: Matches a failed pod by the exit codes of its containers.
  containerName string: Container whose exit code is checked; all containers when empty.
  operator! PodFailurePolicyOnExitCodesOperator: In or NotIn.
  values! []int32: The exit codes.

alias PodFailurePolicyOnExitCodesOperator string: How exit codes are compared with the values.

struct PodFailurePolicyOnPodConditionsPattern: Matches a failed pod by one of its conditions.
  type! core.PodConditionType: The condition type.
  status! core.ConditionStatus: The status the condition must have; True by default.

struct SuccessPolicy: When an Indexed Job counts as successful early.
  rules! []SuccessPolicyRule: Rules, any of which declares success.

struct SuccessPolicyRule: A set of indexes whose success makes the Job succeed.
  succeededIndexes string: Indexes that must succeed, as a list of ranges such as 1,3-5.
  succeededCount int32: Number of indexes that must succeed.

struct JobStatus: The observed state of a Job.
  conditions []JobCondition: Current conditions of the Job, such as Complete or Failed.
  startTime Time: When the controller started working on the Job.
  completionTime Time: When the Job completed.
  active int32: Number of pods pending or running.
  succeeded int32: Number of pods that succeeded.
  failed int32: Number of pods that failed.
  terminating int32: Number of pods being terminated.
  completedIndexes string: Completed indexes of an Indexed Job, as ranges.
  failedIndexes string: Failed indexes of an Indexed Job, as ranges.
  uncountedTerminatedPods UncountedTerminatedPods: Finished pods not yet counted in the status.
  ready int32: Number of pods that are ready.

struct JobCondition: One aspect of the state of a Job.
  type! JobConditionType: Complete, Failed, Suspended, FailureTarget or SuccessCriteriaMet.
  status! core.ConditionStatus: True, False or Unknown.
  lastProbeTime Time: When the condition was last checked.
  lastTransitionTime Time: When the condition last changed status.
  reason string: CamelCase reason of the last transition.
  message string: Human-readable details of the last transition.

alias JobConditionType string: The type of a Job condition.

struct UncountedTerminatedPods: Finished pods of a Job that the status does not count yet.
  succeeded []types.UID: UIDs of succeeded pods.
  failed []types.UID: UIDs of failed pods.

kind CronJob: Runs a Job on a schedule.
  spec CronJobSpec: Desired behaviour of the CronJob.
  status CronJobStatus: Most recently observed state of the CronJob.

struct CronJobSpec: The schedule of a CronJob and the Job it runs.
  schedule! string: Schedule in cron format.
  timeZone string: Time zone of the schedule, such as Etc/UTC; the controller's by default.
  startingDeadlineSeconds int64: Seconds after a missed start during which the Job may still start.
  concurrencyPolicy ConcurrencyPolicy: Allow (the default), Forbid or Replace concurrent Jobs.
  suspend bool: Whether later runs are suspended.
  jobTemplate! JobTemplateSpec: The Job created at each run.
  successfulJobsHistoryLimit int32: Number of successful Jobs kept; 3 by default.
  failedJobsHistoryLimit int32: Number of failed Jobs kept; 1 by default.

alias ConcurrencyPolicy string: How a CronJob treats runs that overlap.

struct JobTemplateSpec: The Jobs a CronJob creates: their metadata and specification.
  metadata ObjectMeta: Metadata given to each Job.
  spec JobSpec: Specification of each Job.

struct CronJobStatus: The observed state of a CronJob.
  active []core.ObjectReference: Jobs that are running.
  lastScheduleTime Time: When a Job was last scheduled.
  lastSuccessfulTime Time: When a Job last completed successfully.
)schema";
}

}  // namespace troupe::api::schema
