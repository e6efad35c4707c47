// Columns several printers share (NAME, AGE, and the wide CONTAINERS and
// IMAGES of workloads), with the descriptions kube gives them: taken from
// the API's documentation (metav1.ObjectMeta{}.SwaggerDoc()) or written
// inline in pkg/printers/internalversion/printers.go (Kubernetes 1.32).
#pragma once

#include <string_view>

#include "actors/api/core/tables/table_printer.hpp"

namespace troupe::api::tables {

inline constexpr std::string_view object_name_description =
    "Name must be unique within a namespace. Is required when creating resources, although some "
    "resources may allow a client to request the generation of an appropriate name "
    "automatically. Name is primarily intended for creation idempotence and configuration "
    "definition. Cannot be updated. More info: "
    "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";

inline constexpr std::string_view creation_timestamp_description =
    "CreationTimestamp is a timestamp representing the server time when this object was "
    "created. It is not guaranteed to be set in happens-before order across separate "
    "operations. Clients may not set this value. It is represented in RFC3339 form and is in "
    "UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: "
    "https://git.k8s.io/community/contributors/devel/sig-architecture/"
    "api-conventions.md#metadata";

inline constexpr std::string_view ready_pods_description = "Number of the pod with ready state";

inline constexpr table_column name_column{"Name", "string", "name", object_name_description, 0};
inline constexpr table_column age_column{"Age", "string", "", creation_timestamp_description, 0};
inline constexpr table_column containers_column{"Containers", "string", "",
                                                "Names of each container in the template.", 1};
inline constexpr table_column images_column{
    "Images", "string", "", "Images referenced by each container in the template.", 1};

}  // namespace troupe::api::tables
