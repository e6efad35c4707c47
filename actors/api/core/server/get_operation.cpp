// GET of one object (or its status, or its scale). A resourceVersion of "0"
// accepts any version, so the watch cache may answer; otherwise the read
// is linearizable, like kube-apiserver's quorum read from etcd.
#include "actors/api/core/server/api_responses.hpp"
#include "actors/api/core/server/operation_support.hpp"
#include "actors/api/core/server/operations.hpp"
#include "actors/api/core/server/scale_subresource.hpp"

namespace troupe::api {

namespace {

using nlohmann::json;

class get_operation final : public api_operation {
 public:
  get_operation(api_request request, const resource_info& resource)
      : request_(std::move(request)), target_(target_of(request_, resource)) {}

  operation_step start(operation_context&) override {
    bool any_version = query_value(request_.query, "resourceVersion").value_or("") == "0";
    return read_keys{{target_.key}, any_version};
  }

  operation_step on_keys(const std::vector<std::optional<key_value>>& values, bool,
                         operation_context&) override {
    if (!values.at(0))
      return answer{failure_response({not_found(name_of(*target_.served, target_.name))})};
    if (request_.subresource == "scale") {
      auto object = served_object(*values[0], *target_.served);
      if (auto* failure = failure_of(object)) return answer{failure_response(*failure)};
      return answer{json_response(200, scale_of(std::get<json>(object)))};
    }
    auto text = served_text(*values[0], *target_.served);
    if (auto* failure = failure_of(text)) return answer{failure_response(*failure)};
    return answer{json_text_response(200, std::get<std::string>(std::move(text)))};
  }

 private:
  api_request request_;
  request_target target_;
};

}  // namespace

std::unique_ptr<api_operation> make_get_operation(const api_request& request,
                                                  const resource_info& resource) {
  return std::make_unique<get_operation>(request, resource);
}

}  // namespace troupe::api
