#include "zkvm/air/witness_checkpoint.h"

#include <array>
#include <filesystem>

#include "io/generation.h"
#include "src/dist/distributed_prover.h"
#include "src/hash/digest.h"
#include "src/hash/sha256.h"

namespace baobab::zkvm {

namespace {

constexpr char kFormat[] = "baobab-checkpoint";
constexpr uint64_t kVersion = 1;
constexpr char kWitness[] = "/phases/witness";
constexpr std::array<const char*, rv::kNumTables> kTableNames = {
    "cpu", "static", "bytes", "fixed_mem", "zero_mem", "ecall", "io"};

std::string trace_dataset(uint64_t table) {
  return std::string("/trace/") + kTableNames[table];
}

Error refused(const std::string& path, const std::string& what) {
  return Error{ErrorCode::kInvalidArgument,
               path + ": " + what + " (prove --restart starts over and replaces it)", "checkpoint"};
}

// Ok when `file` is a Baobab checkpoint of this format version.
Status check_format(const io::CheckpointFile& file) {
  auto format = file.string_attribute("/", "format");
  auto version = file.integer_attribute("/", "version");
  if (!format || format.value() != kFormat) return refused(file.path(), "not a Baobab checkpoint");
  if (!version || version.value() != kVersion) {
    return refused(file.path(), "a checkpoint of another format version");
  }
  return Ok{};
}

// The identity's attributes on "/": name, member, and what a checkpoint
// whose value differs was made for.
struct IdentityField {
  const char* attribute;
  std::string CheckpointIdentity::*member;
  const char* other;
};
const std::array<IdentityField, 4> kIdentityFields = {{
    {"program_id", &CheckpointIdentity::program_id, "another program"},
    {"parameters", &CheckpointIdentity::parameters, "other proof parameters"},
    {"public_input_sha256", &CheckpointIdentity::public_input_sha256, "another public input"},
    {"private_input_sha256", &CheckpointIdentity::private_input_sha256, "another private input"},
}};

// The identity `file` was written for (after check_format).
Result<CheckpointIdentity> read_identity(const io::CheckpointFile& file) {
  CheckpointIdentity identity;
  for (const IdentityField& field : kIdentityFields) {
    auto value = file.string_attribute("/", field.attribute);
    if (!value) return value.error();
    identity.*field.member = value.value();
  }
  return identity;
}

}  // namespace

Status check_checkpoint_identity(const io::CheckpointFile& file,
                                 const CheckpointIdentity& identity) {
  if (Status ok = check_format(file); !ok) return ok;
  auto stored = read_identity(file);
  if (!stored) return stored.error();
  for (const IdentityField& field : kIdentityFields) {
    if (stored.value().*field.member != identity.*field.member) {
      return refused(file.path(), std::string("a checkpoint of ") + field.other);
    }
  }
  return Ok{};
}

Status write_checkpoint_header(io::CheckpointFile& file, const CheckpointIdentity& identity) {
  for (Status ok :
       {file.set_string("/", "format", kFormat), file.set_integer("/", "version", kVersion)}) {
    if (!ok) return ok;
  }
  for (const IdentityField& field : kIdentityFields) {
    if (Status ok = file.set_string("/", field.attribute, identity.*field.member); !ok) return ok;
  }
  return Ok{};
}

namespace {

Result<ZkvmWitness> load(const io::CheckpointFile& file, const Program& program,
                         const ExecutionInputs& inputs, const params::ProofParams& params,
                         dist::Communicator& comm, WitnessParts parts) {
  auto cycles = file.integer_attribute(kWitness, "cycles");
  if (!cycles) return cycles.error();
  auto exit_code = file.integer_attribute(kWitness, "exit_code");
  if (!exit_code) return exit_code.error();
  rv::Heights heights{};
  for (uint64_t t = 0; t < rv::kNumTables; ++t) {
    auto h = file.integer_attribute(trace_dataset(t), "log_rows");
    if (!h) return h.error();
    if (h.value() > 40) return refused(file.path(), "a table height beyond 2^40");
    heights[t] = static_cast<int>(h.value());
  }
  ZkvmWitness witness;
  witness.cycles = cycles.value();
  witness.exit_code = static_cast<uint32_t>(exit_code.value());
  auto output = file.read_bytes(std::string(kWitness) + "/public_output");
  if (!output) return output.error();
  witness.public_output = std::move(output).value();
  auto debug = file.read_bytes(std::string(kWitness) + "/debug_output");
  if (!debug) return debug.error();
  witness.debug_output = std::move(debug).value();
  const rv::StatementValues values{witness.cycles, witness.exit_code, inputs.public_input,
                                   witness.public_output};
  auto statement = rv::ZkvmStatement::make(program, values, heights);
  if (!statement) return statement.error();
  witness.statement = std::move(statement).value();
  if (parts == WitnessParts::kStatement) return witness;

  const bool distributed = comm.size() > 1;
  std::vector<dist::OwnRows> own;
  if (distributed) {
    auto rows = dist::own_table_rows(witness.statement->statement(), params,
                                     static_cast<uint64_t>(comm.size()),
                                     static_cast<uint64_t>(comm.rank()));
    if (!rows) return rows.error();
    own = std::move(rows).value();
  }
  for (uint64_t t = 0; t < rv::kNumTables; ++t) {
    auto shape = file.shape(trace_dataset(t));
    if (!shape) return shape.error();
    const auto [rows, cols] = shape.value();
    if (rows != (uint64_t{1} << heights[t])) {
      return refused(file.path(),
                     "table " + std::string(kTableNames[t]) + " has another height than recorded");
    }
    // Only the cpu table is kept by rows (build_zkvm_witness does the same).
    const bool window = distributed && t == rv::kTableCpu && own[t].split;
    rv::TableTrace table =
        window ? rv::TableTrace::window(heights[t], cols, own[t].first, own[t].count)
               : rv::TableTrace(heights[t], cols);
    auto block = file.read_rows(trace_dataset(t), table.first, table.count);
    if (!block) return block.error();
    for (uint64_t c = 0; c < cols; ++c) {
      std::copy_n(block.value().data() + c * table.count, table.count,
                  table.data.data() + c * table.stored_rows());
    }
    if (window) {  // the window's next row
      const uint64_t next = (table.first + table.count) % rows;
      auto row = file.read_rows(trace_dataset(t), next, 1);
      if (!row) return row.error();
      for (uint64_t c = 0; c < cols; ++c) table.at(next, c) = row.value()[c];
    }
    witness.tables[t] = std::move(table);
  }
  return witness;
}

}  // namespace

Result<CheckpointSummary> summarize_checkpoint(const std::string& path,
                                               const io::FileAccess& access) {
  auto current = io::current_generation(path);
  if (!current) return current.error();
  auto file = io::CheckpointFile::open(current.value(), access);
  if (!file) return file.error();
  const io::CheckpointFile& f = file.value();
  if (Status ok = check_format(f); !ok) return ok.error();
  auto identity = read_identity(f);
  if (!identity) return identity.error();
  CheckpointSummary summary;
  summary.generation = current.value();
  summary.identity = std::move(identity).value();
  summary.witness_done = f.exists(kWitness);
  if (!summary.witness_done) return summary;
  for (auto [name, target] :
       std::array<std::pair<const char*, uint64_t*>, 3>{{{"cycles", &summary.cycles},
                                                         {"exit_code", &summary.exit_code},
                                                         {"ranks", &summary.ranks}}}) {
    auto value = f.integer_attribute(kWitness, name);
    if (!value) return value.error();
    *target = value.value();
  }
  auto output = f.read_bytes(std::string(kWitness) + "/public_output");
  if (!output) return output.error();
  summary.public_output_bytes = output.value().size();
  for (uint64_t t = 0; t < rv::kNumTables; ++t) {
    auto shape = f.shape(trace_dataset(t));
    if (!shape) return shape.error();
    summary.tables.push_back({kTableNames[t], shape.value().first, shape.value().second});
  }
  return summary;
}

CheckpointIdentity checkpoint_identity(const Program& program, const ExecutionInputs& inputs,
                                       const params::ProofParams& params) {
  return {hash::to_hex(program.program_id), parameters_hex(params),
          hash::to_hex(hash::sha256(inputs.public_input)),
          hash::to_hex(hash::sha256(inputs.private_input))};
}

std::string parameters_hex(const params::ProofParams& params) {
  return hash::to_hex(params.to_bytes());
}

Result<std::optional<ZkvmWitness>> resume_witness(
    const std::string& path, const io::FileAccess& access, const CheckpointIdentity& identity,
    const Program& program, const ExecutionInputs& inputs, const params::ProofParams& params,
    WitnessParts parts) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec) && !std::filesystem::exists(io::previous_path(path), ec)) {
    return std::optional<ZkvmWitness>();
  }
  auto current = io::current_generation(path);
  if (!current) return current.error();
  auto file = io::CheckpointFile::open(current.value(), access);
  if (!file) return file.error();
  if (Status ok = check_checkpoint_identity(file.value(), identity); !ok) return ok.error();
  if (!file.value().exists(kWitness)) return std::optional<ZkvmWitness>();
  auto witness = load(file.value(), program, inputs, params, access.communicator(), parts);
  if (!witness) return witness.error();
  return std::optional<ZkvmWitness>(std::move(witness).value());
}

Status checkpoint_witness(const std::string& path, const io::FileAccess& access,
                          const CheckpointIdentity& identity, const ZkvmWitness& witness) {
  dist::Communicator& comm = access.communicator();
  auto file = io::CheckpointFile::create(io::partial_path(path), access);
  if (!file) return file.error();
  io::CheckpointFile& f = file.value();
  if (Status ok = write_checkpoint_header(f, identity); !ok) return ok;
  for (uint64_t t = 0; t < rv::kNumTables; ++t) {
    const rv::TableTrace& table = witness.tables[t];
    // A split table: this rank's rows; a whole one: rank 0 writes it.
    const bool mine = table.windowed || comm.rank() == 0;
    const field::ConstMatrixView block = mine ? table.view() : table.view().row_block(0, 0);
    if (Status ok = f.write_rows(trace_dataset(t), table.rows(), table.cols,
                                 table.windowed ? table.first : 0, block);
        !ok) {
      return ok;
    }
    if (Status ok =
            f.set_integer(trace_dataset(t), "log_rows", static_cast<uint64_t>(table.log_rows));
        !ok) {
      return ok;
    }
  }
  // The phase's group: what the statement needs besides the traces.
  for (Status ok : {f.write_bytes(std::string(kWitness) + "/public_output", witness.public_output),
                    f.write_bytes(std::string(kWitness) + "/debug_output", witness.debug_output),
                    f.set_integer(kWitness, "cycles", witness.cycles),
                    f.set_integer(kWitness, "exit_code", witness.exit_code),
                    f.set_integer(kWitness, "ranks", static_cast<uint64_t>(comm.size()))}) {
    if (!ok) return ok;
  }
  if (Status ok = f.close(); !ok) return ok;
  return io::commit_generation(path, comm);
}

}  // namespace baobab::zkvm
