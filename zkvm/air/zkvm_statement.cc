#include "zkvm/air/zkvm_statement.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "src/fri/options.h"
#include "zkvm/air/bytes_air.h"
#include "zkvm/air/cpu_air.h"
#include "zkvm/air/ecall_air.h"
#include "zkvm/air/io_air.h"
#include "zkvm/air/public_inputs.h"

namespace baobab::zkvm::rv {

namespace {

Error height_error(const std::string& what) {
  return Error{ErrorCode::kMalformedInput, "table heights: " + what, "zkvm statement"};
}

constexpr int kMinLogRows = 2;

}  // namespace

std::vector<Fp> public_inputs(const Program& program, const ProgramInfo& info,
                              const StatementValues& values) {
  std::vector<Fp> out(kNumPublicInputs, Fp::zero());
  out[kPubEntry] = Fp::from_u64(info.entry);
  out[kPubCycles] = Fp::from_u64(values.cycles);
  out[kPubExitCode] = Fp::from_u64(values.exit_code);
  out[kPubInputLength] = Fp::from_u64(values.public_input.size());
  out[kPubOutputLength] = Fp::from_u64(values.public_output.size());
  out[kPubInitialBrk] = Fp::from_u64(info.initial_brk);
  out[kPubBrkLimit] = Fp::from_u64(info.brk_limit);
  for (uint64_t i = 0; i < 8; ++i) {
    uint64_t word = 0;
    for (uint64_t k = 0; k < 4; ++k)
      word |= uint64_t{program.program_id.bytes[4 * i + k]} << (8 * k);
    out[kPubProgramId + i] = Fp::from_u64(word);
  }
  return out;
}

StatementContent make_statement_content(const Program& program, const StatementValues& values) {
  StatementContent c;
  c.info = make_program_info(program);
  c.static_content = std::make_shared<const StaticContent>(
      make_static_content(c.info, values.public_input, values.public_output));
  c.fixed_mem = std::make_shared<const FixedMemContent>(
      make_fixed_mem_content(c.info, values.public_input.size(), values.public_output.size()));
  return c;
}

Result<std::unique_ptr<ZkvmStatement>> ZkvmStatement::make(const Program& program,
                                                           const StatementValues& values,
                                                           const Heights& heights) {
  return make(program, make_statement_content(program, values), values, heights);
}

Result<std::unique_ptr<ZkvmStatement>> ZkvmStatement::make(const Program& program,
                                                           StatementContent content,
                                                           const StatementValues& values,
                                                           const Heights& heights) {
  auto s = std::make_unique<ZkvmStatement>();
  s->info_ = std::move(content.info);
  s->static_ = std::move(content.static_content);
  s->fixed_mem_ = std::move(content.fixed_mem);
  s->heights_ = heights;
  for (int h : heights) {
    if (h < kMinLogRows || h > static_cast<int>(fri::kMaxLogDomainSize)) {
      return height_error("a height of 2^" + std::to_string(h) + " rows");
    }
  }
  if (values.cycles == 0) return height_error("zero cycles");
  if (heights[kTableCpu] > kMaxCpuLogRows) {
    return height_error("the cpu table is limited to 2^" + std::to_string(kMaxCpuLogRows) +
                        " rows");
  }
  if (values.cycles + 1 > (uint64_t{1} << heights[kTableCpu])) {
    return height_error("the cpu table is too short for the cycle count");
  }
  // Preprocessed tables are rebuilt by the verifier: their heights are
  // bounded above too (the prover raises a table by less than one FRI
  // folding step), so a forged header cannot make verification allocate
  // 2^32 rows.
  const auto fits = [&](uint64_t rows, int height) {
    const int least = log2_ceil(rows, kMinLogRows);
    return height >= least && height <= least + kMaxHeightRaise;
  };
  if (!fits(uint64_t{1} << BytesAir::kLogRows, heights[kTableBytes])) {
    return height_error("the bytes table must have 2^16 to 2^" +
                        std::to_string(BytesAir::kLogRows + kMaxHeightRaise) + " rows");
  }
  if (!fits(s->static_->rows.size(), heights[kTableStatic])) {
    return height_error("the static table's height does not fit the program and I/O");
  }
  if (!fits(s->fixed_mem_->rows.size(), heights[kTableFixedMem])) {
    return height_error("the fixed memory table's height does not fit the image");
  }
  s->airs_[kTableCpu] = air::make_air(CpuAir(heights[kTableCpu]));
  s->airs_[kTableStatic] = air::make_air(StaticAir(s->static_, heights[kTableStatic]));
  s->airs_[kTableBytes] = air::make_air(BytesAir(heights[kTableBytes]));
  s->airs_[kTableFixedMem] = air::make_air(FixedMemAir(s->fixed_mem_, heights[kTableFixedMem]));
  s->airs_[kTableZeroMem] = air::make_air(ZeroMemAir(heights[kTableZeroMem]));
  s->airs_[kTableEcall] = air::make_air(EcallAir(heights[kTableEcall]));
  s->airs_[kTableIo] = air::make_air(IoAir(heights[kTableIo]));
  std::vector<stark::AuxValueRef> balance;
  for (uint64_t t = 0; t < kNumTables; ++t) {
    s->statement_.tables.push_back(s->airs_[t].get());
    balance.push_back({t, kAuxValueBusSum});
  }
  s->statement_.public_inputs = public_inputs(program, s->info_, values);
  s->statement_.logup_balances.push_back(std::move(balance));
  return s;
}

Result<Heights> choose_heights(const std::array<uint64_t, kNumTables>& rows,
                               const params::ProofParams& params) {
  Heights mins{};
  for (uint64_t t = 0; t < kNumTables; ++t) mins[t] = log2_ceil(rows[t], kMinLogRows);
  mins[kTableCpu] = log2_ceil(rows[kTableCpu] + 1, kMinLogRows);
  mins[kTableBytes] = BytesAir::kLogRows;
  if (mins[kTableCpu] > kMaxCpuLogRows) {
    return Error{ErrorCode::kResourceLimit,
                 "the execution needs 2^" + std::to_string(mins[kTableCpu]) +
                     " cpu rows; at most 2^" + std::to_string(kMaxCpuLogRows) + " are supported",
                 "zkvm statement"};
  }
  fri::FriOptions options;
  options.log_arity = params.log_fri_arity;
  options.log_blowup = params.log_blowup;
  options.remainder_max_size = uint64_t{1} << params.fri_remainder_max_log_size;
  const auto lb = static_cast<int>(params.log_blowup);
  // Committed base columns per row of each table (main, preprocessed, aux).
  const auto width = [](const air::TableInfo& i) {
    return i.num_main + i.num_preprocessed + i.num_aux_base_columns();
  };
  const std::array<uint64_t, kNumTables> widths = {
      width(CpuAir(2).info()),
      width(StaticAir(std::make_shared<const StaticContent>(), 2).info()),
      width(BytesAir().info()),
      width(FixedMemAir(std::make_shared<const FixedMemContent>(), 2).info()),
      width(ZeroMemAir(2).info()),
      width(EcallAir(2).info()),
      width(IoAir(2).info())};
  // The tallest table fixes the FRI domain; every other table is raised to
  // the next size that meets one of its layers. Raising the domain itself by
  // up to one folding step can be cheaper (a small table at the top, a large
  // one just below it): take the cheapest choice in committed cells.
  const int lowest_top = *std::max_element(mins.begin(), mins.end()) + lb;
  std::optional<Heights> best;
  double best_cost = 0;
  for (int top = lowest_top; top < lowest_top + static_cast<int>(params.log_fri_arity); ++top) {
    auto layout = fri::FriLayout::make(options, static_cast<unsigned>(top));
    if (!layout) return layout.error();
    const auto accepts = [&](int log_rows) {
      return log_rows + lb == top ||
             layout.value().accepts_input(static_cast<unsigned>(log_rows + lb));
    };
    Heights h = mins;
    bool ok = true;
    double cost = 0;
    for (uint64_t t = 0; t < kNumTables; ++t) {
      while (h[t] + lb < top && !accepts(h[t])) ++h[t];
      ok = ok && accepts(h[t]);
      cost += std::ldexp(static_cast<double>(widths[t]), h[t]);
    }
    // The domain must actually be reached by some table.
    ok = ok && *std::max_element(h.begin(), h.end()) + lb == top;
    if (ok && (!best || cost < best_cost)) {
      best = h;
      best_cost = cost;
    }
  }
  if (best) return *best;
  return Error{ErrorCode::kInvalidArgument,
               "no table heights meet the FRI schedule of these parameters", "zkvm statement"};
}

}  // namespace baobab::zkvm::rv
