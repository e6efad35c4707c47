#include "storage/core/snapshot_metadata_codec.hpp"

namespace troupe::storage {

namespace {

void write_names(capnp::List<capnp::Text>::Builder out, const std::set<std::string>& names) {
  unsigned position = 0;
  for (const auto& name : names) out.set(position++, name);
}

std::set<std::string> read_names(capnp::List<capnp::Text>::Reader names) {
  std::set<std::string> result;
  for (auto name : names) result.emplace(name.cStr(), name.size());
  return result;
}

}  // namespace

void write_snapshot_metadata(schema::SnapshotMetadata::Builder builder,
                             const snapshot_metadata& metadata) {
  builder.setIndex(metadata.index);
  builder.setTerm(metadata.term);
  auto config = builder.initConfig();
  const auto& voters = metadata.config.voters;
  const auto& learners = metadata.config.learners;
  write_names(config.initVoters(static_cast<unsigned>(voters.size())), voters);
  write_names(config.initLearners(static_cast<unsigned>(learners.size())), learners);
}

std::variant<snapshot_metadata, decode_error> read_snapshot_metadata(
    schema::SnapshotMetadata::Reader reader, const std::string& config_path) {
  snapshot_metadata metadata{reader.getIndex(), reader.getTerm(), {}};
  metadata.config.voters = read_names(reader.getConfig().getVoters());
  metadata.config.learners = read_names(reader.getConfig().getLearners());
  for (const auto& learner : metadata.config.learners)
    if (metadata.config.voters.count(learner))
      return decode_error{config_path + ": " + learner + " is both voter and learner"};
  return metadata;
}

}  // namespace troupe::storage
