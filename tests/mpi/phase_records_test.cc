// The distributed prover's phase records (stark::PhaseStore) under mpirun
// (R = 1..4), kept in memory by each rank: a first proof records every
// phase; a proof resumed after any phase gives the same bytes; a record
// whose data or transcript state is damaged on one rank is redone on all
// (the same bytes again); a stop asked for after a phase returns kStopped
// and the resumed proof is the same; after the last phase the recorded
// proof is used without looking at the traces, unless it does not verify. The HDF5 store and other
// rank counts: tests/src/cli/checkpoint_test.sh and checkpoint_kill_test.sh.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "mpi/mpi_communicator.h"
#include "src/dist/distributed_prover.h"
#include "src/hash/sha256_hasher.h"
#include "src/stark/proof_format.h"
#include "tests/src/stark/stark_test_util.h"

namespace baobab::dist {
namespace {

const std::vector<std::string> kPhases = {"commit.main", "composition", "commit.aux", "ood",
                                          "deep",        "fri",         "open"};
const std::vector<std::string> kPhaseOrder = {"commit.main", "commit.aux", "composition", "ood",
                                              "deep",        "fri",        "open"};

// Every record in memory on every rank, as one file shared by the ranks
// would hold it: each commit gathers the ranks' rows of each dataset.
class MemoryPhaseStore final : public stark::PhaseStore {
 public:
  struct Dataset {
    uint64_t rows = 0, cols = 0;
    std::vector<field::Fp> values;  // rows × cols, column-major
  };
  struct Record {
    std::map<std::string, Dataset> datasets;
    std::map<std::string, std::vector<uint8_t>> byte_strings;
    hash::Digest state{};
  };
  std::map<std::string, Record> records;  // complete ones
  std::string last_resumed;
  std::vector<std::string> discarded;
  std::string stop_after;  // commit of this phase returns kStopped

  explicit MemoryPhaseStore(Communicator& comm) : comm_(&comm) {}

  bool done(std::string_view phase) override { return records.count(std::string(phase)) != 0; }
  void resumed(std::string_view phase) override { last_resumed = phase; }
  void discard_from(std::string_view phase, const std::string&) override {
    discarded.emplace_back(phase);
    bool later = false;
    std::string before;
    for (const std::string& p : kPhaseOrder) {
      later = later || p == phase;
      if (later) {
        records.erase(p);
        if (last_resumed == p) last_resumed = before;
      } else {
        before = p;
      }
    }
  }
  Status write_rows(std::string_view phase, const std::string& name, uint64_t rows,
                    uint64_t first_row, field::ConstMatrixView block) override {
    Block& b = pending_[std::string(phase)][name];
    b.rows = rows;
    b.cols = block.cols;
    b.words = {first_row, block.rows};
    for (uint64_t c = 0; c < block.cols; ++c) {
      for (uint64_t r = 0; r < block.rows; ++r) b.words.push_back(block.column(c)[r].value());
    }
    return Ok{};
  }
  Status write_bytes(std::string_view phase, const std::string& name,
                     std::span<const uint8_t> bytes) override {
    pending_bytes_[std::string(phase)][name].assign(bytes.begin(), bytes.end());
    return Ok{};
  }
  Status commit(std::string_view phase, const hash::Digest& state, double) override {
    Record record;
    record.byte_strings = std::move(pending_bytes_[std::string(phase)]);
    pending_bytes_.erase(std::string(phase));
    for (auto& [name, mine] : pending_[std::string(phase)]) {
      Dataset& d = record.datasets[name];
      d.rows = mine.rows;
      d.cols = mine.cols;
      d.values.assign(mine.rows * mine.cols, field::Fp::zero());
      const auto* bytes = reinterpret_cast<const uint8_t*>(mine.words.data());
      for (const auto& theirs :
           all_gather_strings(*comm_, std::span<const uint8_t>(bytes, mine.words.size() * 8))) {
        std::vector<uint64_t> words(theirs.size() / 8);
        std::memcpy(words.data(), theirs.data(), theirs.size());
        const uint64_t first = words[0], count = words[1];
        for (uint64_t c = 0; c < d.cols; ++c) {
          for (uint64_t r = 0; r < count; ++r) {
            d.values[c * d.rows + first + r] = field::Fp::from_canonical(words[2 + c * count + r]);
          }
        }
      }
    }
    pending_.erase(std::string(phase));
    record.state = state;
    records[std::string(phase)] = std::move(record);
    if (phase == stop_after) return Error{ErrorCode::kStopped, "stop asked for", "test"};
    return Ok{};
  }
  Result<std::vector<field::Fp>> read_rows(std::string_view phase, const std::string& name,
                                           uint64_t first_row, uint64_t count) override {
    const Dataset& d = records.at(std::string(phase)).datasets.at(name);
    if (first_row + count > d.rows) {
      return Error{ErrorCode::kMalformedInput, "rows past the end of " + name, "test"};
    }
    std::vector<field::Fp> out(count * d.cols);
    for (uint64_t c = 0; c < d.cols; ++c) {
      std::copy_n(d.values.data() + c * d.rows + first_row, count, out.data() + c * count);
    }
    return out;
  }
  Result<std::vector<uint8_t>> read_bytes(std::string_view phase,
                                          const std::string& name) override {
    return records.at(std::string(phase)).byte_strings.at(name);
  }
  Result<hash::Digest> transcript_state(std::string_view phase) override {
    return records.at(std::string(phase)).state;
  }

 private:
  struct Block {
    uint64_t rows = 0, cols = 0;
    std::vector<uint64_t> words;  // first row, row count, then the values column by column
  };
  Communicator* comm_;
  std::map<std::string, std::map<std::string, Block>> pending_;
  std::map<std::string, std::map<std::string, std::vector<uint8_t>>> pending_bytes_;
};

struct Fixture {
  mpi::MpiCommunicator comm;
  hash::Sha256Hasher hasher;
  stark::testing::Instance instance;
  params::ProofParams params = stark::testing::test_params();

  Fixture() {
    std::vector<uint64_t> values;
    for (uint64_t i = 0; i < 3000; ++i) values.push_back((i * 7919) % 256);
    instance = stark::testing::range_check_instance(12, values);
  }
  Result<std::vector<uint8_t>> prove(stark::PhaseStore* store) {
    return prove(store, instance.views());
  }
  Result<std::vector<uint8_t>> prove(stark::PhaseStore* store,
                                     std::span<const field::ConstMatrixView> traces) {
    stark::ProveOptions options;
    options.phase_store = store;
    auto proof = prove_distributed(comm, instance.statement, traces, params, hasher, options);
    if (!proof) return proof.error();
    // The proof is complete on rank 0 (the others may hold part of it).
    if (comm.rank() != 0) return std::vector<uint8_t>{};
    return stark::serialize_proof(proof.value());
  }
};

TEST(PhaseRecords, EveryPhaseIsRecordedAndEachResumeGivesTheSameProof) {
  Fixture f;
  auto plain = f.prove(nullptr);
  ASSERT_TRUE(plain.ok()) << plain.error().to_string();
  MemoryPhaseStore full(f.comm);
  auto recorded = f.prove(&full);
  ASSERT_TRUE(recorded.ok()) << recorded.error().to_string();
  EXPECT_EQ(recorded.value(), plain.value()) << "recording changed the proof";
  for (const std::string& phase : kPhases) EXPECT_TRUE(full.done(phase)) << phase;
  EXPECT_TRUE(full.last_resumed.empty());
  // Records up to each phase: resumed after it, the same proof.
  for (size_t kept = 1; kept <= kPhaseOrder.size(); ++kept) {
    MemoryPhaseStore store = full;
    for (size_t p = kept; p < kPhaseOrder.size(); ++p) store.records.erase(kPhaseOrder[p]);
    auto resumed = f.prove(&store);
    ASSERT_TRUE(resumed.ok()) << resumed.error().to_string();
    EXPECT_EQ(resumed.value(), plain.value()) << "resumed after " << kPhaseOrder[kept - 1];
    EXPECT_EQ(store.last_resumed, kPhaseOrder[kept - 1]);
    EXPECT_TRUE(store.discarded.empty());
  }
}

TEST(PhaseRecords, AfterTheLastPhaseTheRecordedProofIsUsedAndTheTracesAreNotRead) {
  Fixture f;
  MemoryPhaseStore store(f.comm);
  auto plain = f.prove(&store);
  ASSERT_TRUE(plain.ok()) << plain.error().to_string();
  // Traces of the right shape but all zero: a prover that read them would
  // fail the witness check or commit to other roots.
  std::vector<std::vector<field::Fp>> zeros;
  std::vector<field::ConstMatrixView> views = f.instance.views();
  for (field::ConstMatrixView& view : views) {
    zeros.emplace_back(view.rows * view.cols, field::Fp::zero());
    view = field::ConstMatrixView(zeros.back().data(), view.rows, view.cols);
  }
  auto resumed = f.prove(&store, views);
  ASSERT_TRUE(resumed.ok()) << resumed.error().to_string();
  EXPECT_EQ(resumed.value(), plain.value());
  EXPECT_EQ(store.last_resumed, "open");
  EXPECT_TRUE(store.discarded.empty());
}

// Damages the record of `phase` on rank 0 only (`damage`); the phase is
// redone on every rank, later ones too, and the proof is the same.
// `dropped`: records removed on every rank first (so that the damaged one
// is read at all).
void expect_redone(const std::string& phase, const std::string& resumed_after,
                   const std::function<void(MemoryPhaseStore::Record&)>& damage,
                   const std::vector<std::string>& dropped = {"open"}) {
  Fixture f;
  MemoryPhaseStore store(f.comm);
  auto plain = f.prove(&store);
  ASSERT_TRUE(plain.ok()) << plain.error().to_string();
  for (const std::string& p : dropped) store.records.erase(p);
  if (f.comm.rank() == 0) damage(store.records.at(phase));
  auto again = f.prove(&store);
  ASSERT_TRUE(again.ok()) << again.error().to_string();
  EXPECT_EQ(again.value(), plain.value()) << "after damage to " << phase;
  EXPECT_NE(std::find(store.discarded.begin(), store.discarded.end(), phase),
            store.discarded.end());
  EXPECT_EQ(store.last_resumed, resumed_after);
  for (const std::string& p : kPhases) EXPECT_TRUE(store.done(p)) << p << " recorded again";
}

void flip_first_value(MemoryPhaseStore::Record& record) {
  for (auto& [name, dataset] : record.datasets) {
    if (dataset.values.empty()) continue;
    dataset.values[0] += field::Fp::one();
    return;
  }
  FAIL() << "no value to damage";
}

TEST(PhaseRecords, AuxColumnsAreRebuiltAndCheckedAgainstTheirRecord) {
  expect_redone("commit.aux", "commit.main",
                [](MemoryPhaseStore::Record& record) { record.state.bytes[7] ^= 1; });
}

TEST(PhaseRecords, DamagedCompositionCoefficientsAreRecomputed) {
  expect_redone("composition", "commit.aux", flip_first_value);
}

TEST(PhaseRecords, DamagedOodValuesAreRecomputed) {
  expect_redone("ood", "composition", flip_first_value);
}

TEST(PhaseRecords, DeepCodewordsThatCommitToOtherFriLayersAreRecomputed) {
  // The codewords are checked by the fri record (they are not absorbed).
  expect_redone("deep", "ood", flip_first_value);
}

// A recorded proof that parses but does not verify (one byte of its
// openings changed): discarded, the job resumes after fri.
TEST(PhaseRecords, ARecordedProofThatDoesNotVerifyIsRedone) {
  expect_redone("open", "fri",
                [](MemoryPhaseStore::Record& record) {
                  std::vector<uint8_t>& proof = record.byte_strings.at("proof");
                  proof[proof.size() - 40] ^= 1;
                },
                {});
}

TEST(PhaseRecords, AnotherTranscriptStateIsRedone) {
  expect_redone("commit.main", "",
                [](MemoryPhaseStore::Record& record) { record.state.bytes[0] ^= 1; });
}

TEST(PhaseRecords, AStopAfterAPhaseReturnsStoppedAndTheResumeFinishes) {
  Fixture f;
  auto plain = f.prove(nullptr);
  ASSERT_TRUE(plain.ok());
  MemoryPhaseStore store(f.comm);
  store.stop_after = "composition";
  auto stopped = f.prove(&store);
  ASSERT_FALSE(stopped.ok());
  EXPECT_EQ(stopped.error().code, ErrorCode::kStopped);
  EXPECT_TRUE(store.done("composition"));
  EXPECT_FALSE(store.done("ood"));
  store.stop_after.clear();
  auto resumed = f.prove(&store);
  ASSERT_TRUE(resumed.ok()) << resumed.error().to_string();
  EXPECT_EQ(resumed.value(), plain.value());
  EXPECT_EQ(store.last_resumed, "composition");
}

}  // namespace
}  // namespace baobab::dist
