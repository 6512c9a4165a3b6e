#include "zkvm/air/zkvm_prover.h"

#include <memory>
#include <optional>
#include <string>

#include "src/common/byte_io.h"
#include "src/common/stop_request.h"
#include "src/dist/distributed_ntt.h"
#include "src/dist/distributed_prover.h"
#include "src/dist/phase_records.h"
#include "src/hash/sha256_hasher.h"
#include "src/stark/phase_clock.h"
#include "src/stark/proof_format.h"
#include "src/stark/prover.h"
#include "src/stark/verifier.h"
#include "zkvm/air/bytes_air.h"
#include "zkvm/air/cpu_air.h"
#include "zkvm/air/cpu_witness.h"
#include "zkvm/air/distributed_witness.h"
#include "zkvm/air/ecall_air.h"
#include "zkvm/air/io_air.h"
#include "zkvm/air/lookup_counter.h"
#include "zkvm/air/memory_air.h"
#include "zkvm/air/phase_checkpoint.h"
#include "zkvm/air/syscall_witness.h"
#include "zkvm/air/witness_checkpoint.h"
#include "zkvm/air/zkvm_statement.h"

namespace baobab::zkvm {

namespace {

using rv::TableTrace;

constexpr char kMagic[8] = {'B', 'Z', 'K', 'V', 'M', 'P', 'R', 'F'};
constexpr uint8_t kContainerVersion = 1;

// Copies the first `rows` rows of `from` into a table of height 2^log_rows.
TableTrace regrow(const TableTrace& from, uint64_t rows, int log_rows) {
  TableTrace to(log_rows, from.cols);
  for (uint64_t c = 0; c < from.cols; ++c) {
    for (uint64_t r = 0; r < rows; ++r) to.at(r, c) = from.at(r, c);
  }
  return to;
}

template <class Table>
Status count(const Table& table, const TableTrace& trace, rv::LookupCounter& counter) {
  return rv::count_messages(table, trace, counter);
}

// The ranks' first rows of a cpu table of 2^log_rows rows, split as the
// distributed NTT splits it (all 0 when it is too short to split): the guess
// the witness regions start from (the heights may still raise the table).
std::vector<uint64_t> guessed_first_rows(int log_rows, uint64_t ranks) {
  std::vector<uint64_t> firsts(ranks, 0);
  auto plan = dist::plan_distributed_ntt(log_rows, ranks);
  if (plan) {
    for (uint64_t r = 0; r < ranks; ++r) firsts[r] = plan.value().rows.first_row(r);
  }
  return firsts;
}

// The state a witness pass builds besides the cpu rows.
struct WitnessState {
  rv::MemoryTracker memory;
  rv::SyscallWitness syscalls;
  WitnessState(const Program& program, const Snapshot& start, const rv::ProgramInfo& info,
               const ExecutionInputs& inputs)
      : memory(rv::tracker_at(program, start, inputs)), syscalls(info, inputs) {}
};

// Every rank's counts added, or the first rank's counting error on every
// rank. Collective.
Result<rv::LookupCounter> merge_counts(dist::Communicator& comm,
                                       std::shared_ptr<const rv::StaticContent> content,
                                       const rv::LookupCounter& mine, const Status& counted) {
  if (Status first = dist::first_error(comm, counted); !first) {
    return Error{ErrorCode::kInvalidArgument, first.error().to_string(), "prove"};
  }
  // Every rank has the same tables, so the same number of counts.
  std::vector<uint64_t> counts = mine.counts();
  comm.all_reduce_sum(counts);
  rv::LookupCounter merged(std::move(content));
  merged.add_counts(counts);
  return merged;
}

// The result of a proof of `witness`'s statement.
ZkvmProveResult finished(ZkvmWitness&& witness, stark::Proof&& proof, std::string resumed_after) {
  ZkvmProveResult result;
  result.resumed_after = std::move(resumed_after);
  result.proof.cycles = witness.cycles;
  result.proof.log_rows = witness.statement->heights();
  result.proof.stark = std::move(proof);
  result.exit_code = witness.exit_code;
  result.public_output = std::move(witness.public_output);
  result.debug_output = std::move(witness.debug_output);
  return result;
}

}  // namespace

Result<ZkvmWitness> build_zkvm_witness(const Program& program, const ExecutionInputs& inputs,
                                       const params::ProofParams& params,
                                       const ZkvmProveOptions& options) {
  stark::PhaseClock clock(options.on_phase);
  const bool distributed = options.communicator != nullptr && options.communicator->size() > 1;
  ExecuteOptions exec;
  exec.max_cycles = options.max_cycles;
  exec.record_snapshots = distributed;  // the ranks replay their rows from them
  auto run = execute(program, inputs, exec);
  if (!run) return run.error();
  const uint64_t cycles = run.value().cycles;
  clock.done("execute");

  const rv::StatementValues values{cycles, run.value().exit_code, inputs.public_input,
                                   run.value().public_output};
  rv::StatementContent content = rv::make_statement_content(program, values);
  const rv::ProgramInfo& info = content.info;
  if (inputs.public_input.size() > 0xffffffffu || inputs.private_input.size() > 0xffffffffu) {
    return Error{ErrorCode::kResourceLimit, "inputs are limited to 2^32 - 1 bytes", "prove"};
  }
  const int cpu_log = rv::log2_ceil(cycles + 1, 2);
  if (cpu_log > rv::kMaxCpuLogRows) {
    return Error{ErrorCode::kResourceLimit,
                 "the execution has " + std::to_string(cycles) + " cycles; at most 2^" +
                     std::to_string(rv::kMaxCpuLogRows) + " - 1 can be proved in one proof",
                 "prove"};
  }
  // One process: one witness pass over the whole execution. Across ranks
  // (distributed_witness.h): every rank replays a region of the execution
  // from a snapshot for the final memory state and the table sizes, then,
  // the heights fixed, its own cpu rows.
  std::unique_ptr<WitnessState> state;
  std::optional<rv::ExecutionSummary> summary;
  TableTrace whole_cpu;
  if (distributed) {
    auto regions = rv::summarize_regions(
        *options.communicator, program, info, inputs, run.value().snapshots, cycles,
        guessed_first_rows(cpu_log, static_cast<uint64_t>(options.communicator->size())));
    if (!regions) return regions.error();
    summary.emplace(std::move(regions).value());
  } else {
    const Snapshot start = initial_snapshot(program);
    state = std::make_unique<WitnessState>(program, start, info, inputs);
    whole_cpu = TableTrace(cpu_log, rv::kNumCpuCols);
    rv::CpuWitness witness(info, whole_cpu, state->memory, state->syscalls);
    auto traced = trace_from(program, start, inputs, cycles,
                             [&witness](std::span<const TraceRow> rows) { witness.add(rows); });
    if (!traced) return traced.error();
    if (Status ok = witness.status(); !ok) return ok.error();
    if (witness.rows() != cycles || !traced.value().exited) {
      return Error{ErrorCode::kInvalidArgument, "trace and execution disagree on the cycle count",
                   "prove"};
    }
  }
  clock.done("trace");

  const rv::MemoryTracker& final_memory = distributed ? summary->final_memory : state->memory;
  std::array<uint64_t, rv::kNumTables> rows{};
  rows[rv::kTableCpu] = cycles;
  rows[rv::kTableStatic] = content.static_content->rows.size();
  rows[rv::kTableFixedMem] = content.fixed_mem->rows.size();
  rows[rv::kTableZeroMem] = rv::zero_mem_rows(info, final_memory);
  rows[rv::kTableEcall] = distributed ? summary->ecall_rows : state->syscalls.ecall_rows();
  rows[rv::kTableIo] = distributed ? summary->io_rows : state->syscalls.io_rows();
  auto heights = rv::choose_heights(rows, params);
  if (!heights) return heights.error();
  const rv::Heights& h = heights.value();
  auto statement = rv::ZkvmStatement::make(program, std::move(content), values, h);
  if (!statement) return statement.error();
  const rv::ZkvmStatement& st = *statement.value();

  std::array<TableTrace, rv::kNumTables> tables;
  std::optional<rv::SyscallWitness> gathered_syscalls;
  if (distributed) {
    auto own = dist::own_table_rows(st.statement(), params,
                                    static_cast<uint64_t>(options.communicator->size()),
                                    static_cast<uint64_t>(options.communicator->rank()));
    if (!own) return own.error();
    const dist::OwnRows& rows_of_cpu = own.value()[rv::kTableCpu];
    tables[rv::kTableCpu] = rows_of_cpu.split
                                ? TableTrace::window(h[rv::kTableCpu], rv::kNumCpuCols,
                                                     rows_of_cpu.first, rows_of_cpu.count)
                                : TableTrace(h[rv::kTableCpu], rv::kNumCpuCols);
    auto replayed = rv::replay_own_rows(*options.communicator, program, st.info(), inputs,
                                        run.value().snapshots, *summary, tables[rv::kTableCpu],
                                        rows_of_cpu.split);
    if (!replayed) return replayed.error();
    gathered_syscalls.emplace(std::move(replayed).value());
  } else {
    tables[rv::kTableCpu] = h[rv::kTableCpu] == cpu_log
                                ? std::move(whole_cpu)
                                : regrow(whole_cpu, cycles, h[rv::kTableCpu]);
  }
  const rv::SyscallWitness& final_syscalls = distributed ? *gathered_syscalls : state->syscalls;
  rv::pad_cpu_rows(tables[rv::kTableCpu], cycles);
  tables[rv::kTableFixedMem] = rv::fill_fixed_mem(*st.fixed_mem(), h[rv::kTableFixedMem],
                                                  final_memory, inputs.private_input.size());
  tables[rv::kTableZeroMem] = rv::fill_zero_mem(st.info(), h[rv::kTableZeroMem], final_memory);
  tables[rv::kTableEcall] = final_syscalls.ecall_trace(h[rv::kTableEcall]);
  tables[rv::kTableIo] = final_syscalls.io_trace(h[rv::kTableIo]);
  // Lookup multiplicities: across ranks each counts its cpu rows and rank 0
  // the other senders, then the counts are added.
  rv::LookupCounter counter(st.static_content());
  const bool count_whole_tables = !distributed || options.communicator->rank() == 0;
  Status counted = count(rv::CpuAir(h[rv::kTableCpu]), tables[rv::kTableCpu], counter);
  if (counted.ok() && count_whole_tables) {
    for (Status ok :
         {count(rv::FixedMemAir(st.fixed_mem(), h[rv::kTableFixedMem]), tables[rv::kTableFixedMem],
                counter),
          count(rv::ZeroMemAir(h[rv::kTableZeroMem]), tables[rv::kTableZeroMem], counter),
          count(rv::EcallAir(h[rv::kTableEcall]), tables[rv::kTableEcall], counter),
          count(rv::IoAir(h[rv::kTableIo]), tables[rv::kTableIo], counter)}) {
      if (!ok) {
        counted = ok;
        break;
      }
    }
  }
  if (distributed) {
    auto merged = merge_counts(*options.communicator, st.static_content(), counter, counted);
    if (!merged) return merged.error();
    counter = std::move(merged).value();
  } else if (!counted) {
    return counted.error();
  }
  auto static_trace = counter.static_trace(h[rv::kTableStatic]);
  if (!static_trace) return static_trace.error();
  tables[rv::kTableStatic] = std::move(static_trace).value();
  tables[rv::kTableBytes] = counter.bytes_trace(h[rv::kTableBytes]);
  clock.done("witness");
  if (options.tamper) options.tamper(tables);
  ZkvmWitness witness;
  witness.statement = std::move(statement).value();
  witness.tables = std::move(tables);
  witness.cycles = cycles;
  witness.exit_code = run.value().exit_code;
  witness.public_output = std::move(run.value().public_output);
  witness.debug_output = std::move(run.value().debug_output);
  return witness;
}

Result<ZkvmProveResult> prove_program(const Program& program, const ExecutionInputs& inputs,
                                      const params::ProofParams& params,
                                      const ZkvmProveOptions& options) {
  const bool checkpointing =
      !options.checkpoint_path.empty() && options.checkpoint_access != nullptr;
  const CheckpointIdentity identity = checkpoint_identity(program, inputs, params);
  const hash::Sha256Hasher hasher;
  std::optional<ZkvmWitness> resumed;
  std::unique_ptr<PhaseCheckpoint> records;
  stark::PhaseClock read_clock(options.on_phase);
  if (checkpointing && !options.restart) {
    auto found = resume_witness(options.checkpoint_path, *options.checkpoint_access, identity,
                                program, inputs, params, WitnessParts::kStatement);
    if (!found) return found.error();
    if (found.value()) {
      auto opened = PhaseCheckpoint::open(options.checkpoint_path, *options.checkpoint_access,
                                          identity, true, options.on_notice);
      if (!opened) return opened.error();
      records = std::move(opened).value();
      // Stopped after its last phase: the recorded proof, no trace read.
      dist::Communicator& comm = options.communicator != nullptr
                                     ? *options.communicator
                                     : options.checkpoint_access->communicator();
      if (std::optional<stark::Proof> proof = dist::read_recorded_proof(
              comm, *records, found.value()->statement->statement(), params, hasher)) {
        read_clock.done("checkpoint.read");
        return finished(std::move(*found.value()), std::move(*proof), records->last_resumed());
      }
      found = resume_witness(options.checkpoint_path, *options.checkpoint_access, identity, program,
                             inputs, params, WitnessParts::kAll);
      if (!found) return found.error();
    }
    resumed = std::move(found).value();
    if (resumed) read_clock.done("checkpoint.read");
  }
  Result<ZkvmWitness> built = resumed ? Result<ZkvmWitness>(std::move(*resumed))
                                      : build_zkvm_witness(program, inputs, params, options);
  if (!built) return built.error();
  ZkvmWitness& witness = built.value();
  if (checkpointing) {
    install_stop_handlers();
    // Without a resumed witness, records of an earlier one are dropped
    // before the new witness is current: a crash in between leaves no
    // record beside a witness it was not made from.
    if (!resumed) {
      auto opened = PhaseCheckpoint::open(options.checkpoint_path, *options.checkpoint_access,
                                          identity, false, options.on_notice);
      if (!opened) return opened.error();
      records = std::move(opened).value();
      stark::PhaseClock write_clock(options.on_phase);
      if (Status ok = checkpoint_witness(options.checkpoint_path, *options.checkpoint_access,
                                         identity, witness);
          !ok) {
        return ok.error();
      }
      write_clock.done("checkpoint.witness");
      if (Status ok = agree_on_stop(options.checkpoint_access->communicator(), "witness"); !ok) {
        return ok.error();
      }
    }
  }
  const rv::ZkvmStatement& st = *witness.statement;
  std::vector<field::ConstMatrixView> views;
  for (const TableTrace& t : witness.tables) views.push_back(t.view());
  stark::ProveOptions prove_options;
  prove_options.check_witness = options.check_witness;
  prove_options.on_phase = options.on_phase;
  prove_options.phase_store = records.get();
  prove_options.main_rows_with_next = true;  // a TableTrace window stores its next row
  // The phase records are kept by the distributed prover, on one rank too.
  dist::Communicator* comm = options.communicator;
  if (comm == nullptr && records) comm = &options.checkpoint_access->communicator();
  auto proof = comm != nullptr ? dist::prove_distributed(*comm, st.statement(), views, params,
                                                         hasher, prove_options)
                               : stark::prove(st.statement(), views, params, hasher, prove_options);
  if (!proof) return proof.error();
  std::string resumed_after = resumed ? "witness" : "";
  if (records && !records->last_resumed().empty()) resumed_after = records->last_resumed();
  return finished(std::move(witness), std::move(proof).value(), resumed_after);
}

std::vector<uint8_t> serialize_zkvm_proof(const ZkvmProof& proof) {
  ByteWriter w;
  w.put_bytes(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(kMagic), sizeof kMagic));
  w.put_u8(kContainerVersion);
  w.put_u64(proof.cycles);
  for (int h : proof.log_rows) w.put_u8(static_cast<uint8_t>(h));
  std::vector<uint8_t> out = w.take();
  const std::vector<uint8_t> stark_bytes = stark::serialize_proof(proof.stark);
  out.insert(out.end(), stark_bytes.begin(), stark_bytes.end());
  return out;
}

namespace {

constexpr uint64_t kHeaderBytes = sizeof kMagic + 1 + 8 + rv::kNumTables;

struct Header {
  uint64_t cycles = 0;
  TableHeights log_rows{};
};

Result<Header> parse_header(std::span<const uint8_t> bytes) {
  const auto bad = [](const std::string& what) {
    return Error{ErrorCode::kMalformedInput, "zkVM proof container: " + what, "proof"};
  };
  if (bytes.size() < kHeaderBytes) return bad("shorter than its header");
  if (!std::equal(bytes.begin(), bytes.begin() + sizeof kMagic,
                  reinterpret_cast<const uint8_t*>(kMagic))) {
    return bad("not a Baobab zkVM proof (magic)");
  }
  if (bytes[sizeof kMagic] != kContainerVersion) {
    return bad("unsupported version " + std::to_string(bytes[sizeof kMagic]));
  }
  Header h;
  for (uint64_t k = 0; k < 8; ++k) h.cycles |= uint64_t{bytes[sizeof kMagic + 1 + k]} << (8 * k);
  for (uint64_t t = 0; t < rv::kNumTables; ++t) h.log_rows[t] = bytes[sizeof kMagic + 9 + t];
  return h;
}

}  // namespace

Result<ZkvmProof> parse_zkvm_proof(const Program& program, std::span<const uint8_t> public_input,
                                   std::span<const uint8_t> public_output, uint32_t exit_code,
                                   std::span<const uint8_t> bytes) {
  auto header = parse_header(bytes);
  if (!header) return header.error();
  const rv::StatementValues values{header.value().cycles, exit_code, public_input, public_output};
  auto statement = rv::ZkvmStatement::make(program, values, header.value().log_rows);
  if (!statement) return statement.error();
  auto stark_proof =
      stark::parse_proof(statement.value()->statement(), bytes.subspan(kHeaderBytes));
  if (!stark_proof) return stark_proof.error();
  ZkvmProof proof;
  proof.cycles = header.value().cycles;
  proof.log_rows = header.value().log_rows;
  proof.stark = std::move(stark_proof).value();
  return proof;
}

ZkvmVerifyOutcome verify_program(const Program& program, std::span<const uint8_t> public_input,
                                 std::span<const uint8_t> public_output, uint32_t exit_code,
                                 const ZkvmProof& proof, const params::SecurityLevel& level) {
  ZkvmVerifyOutcome outcome;
  outcome.cycles = proof.cycles;
  const rv::StatementValues values{proof.cycles, exit_code, public_input, public_output};
  auto statement = rv::ZkvmStatement::make(program, values, proof.log_rows);
  if (!statement) {
    outcome.reason = statement.error().message;
    return outcome;
  }
  const hash::Sha256Hasher hasher;
  const stark::VerifyOutcome v =
      stark::verify(statement.value()->statement(), proof.stark, level, hasher);
  outcome.accepted = v.accepted;
  outcome.reason = v.reason;
  outcome.security = v.security;
  return outcome;
}

}  // namespace baobab::zkvm
