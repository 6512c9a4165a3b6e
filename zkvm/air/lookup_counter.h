// LookupCounter: the multiplicity columns of the lookup tables (static and
// bytes, docs/rv32im-air.md §4). The witness builder feeds it every message
// of the sender tables (cpu, zero_mem, fixed_mem, ecall, io); each lookup
// message adds its multiplicity to the one table row that receives it. A
// message that no row receives means the witness is wrong (e.g. a range16
// value >= 2^16): add() reports it instead of building a trace whose bus
// cannot balance.
#pragma once

#include <omp.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "src/common/result.h"
#include "zkvm/air/bus.h"
#include "zkvm/air/bytes_air.h"
#include "zkvm/air/static_air.h"
#include "zkvm/air/table_trace.h"

namespace baobab::zkvm::rv {

class LookupCounter {
 public:
  explicit LookupCounter(std::shared_ptr<const StaticContent> content);

  // Counts a lookup message (tags program, pow2, gap, public_in, public_out,
  // range16, split, bitop); other tags and zero multiplicities are ignored.
  // Errors: no row receives the message, or its multiplicity is not a small
  // positive integer.
  Status add(const Message<Fp>& m);

  // The static table's multiplicity column. Error: a public output byte not
  // received exactly once (its multiplicity is fixed to 1).
  Result<TableTrace> static_trace(int log_rows) const;
  // The bytes table's multiplicity columns (BytesAir::kMult*).
  // log_rows >= BytesAir::kLogRows (the extra rows get multiplicity 0).
  TableTrace bytes_trace(int log_rows = BytesAir::kLogRows) const;

  // Every count, in a fixed order (static rows, then each bytes column), and
  // the sum of other counters' (ranks that counted other rows, DESIGN §4).
  std::vector<uint64_t> counts() const;
  void add_counts(std::span<const uint64_t> counts);
  // Adds a counter of the same tables (e.g. from empty_copy()).
  void add_counts(const LookupCounter& other);
  // A counter of the same tables with every count zero.
  LookupCounter empty_copy() const { return LookupCounter(content_); }

 private:
  std::shared_ptr<const StaticContent> content_;
  std::vector<uint64_t> static_counts_;
  std::array<std::vector<uint64_t>, BytesAir::kNumMain> bytes_counts_;
};

// A message as text, for error messages: "range16(70000)".
std::string describe(const Message<Fp>& m);

// Counts every message of `table` on the rows of `main` — all rows, or the
// window's rows when `main` is a window (a rank's rows; the counters of all
// ranks are then added) — with its preprocessed columns, if any, rebuilt
// here (whole tables only). Errors name the table and the row.
template <class Table>
Status count_messages(const Table& table, const TableTrace& main, LookupCounter& counter) {
  const air::TableInfo info = table.info();
  BAOBAB_CHECK(main.cols == info.num_main && main.log_rows == info.log_rows,
               "count_messages: trace shape");
  BAOBAB_CHECK(!main.windowed || info.num_preprocessed == 0,
               "count_messages: a window of a table with preprocessed columns");
  TableTrace pre;
  if constexpr (requires(field::MatrixView v) { table.build_preprocessed(v); }) {
    if (info.num_preprocessed > 0) {
      pre = TableTrace(main.log_rows, info.num_preprocessed);
      table.build_preprocessed(pre.view());
    }
  }
  const TableTrace& pre_ref = pre;
  air::TraceView view{main.view(), pre_ref.view(), {}};
  if (main.windowed) {  // the window's rows and the next one
    view.main = field::ConstMatrixView(main.data.data(), main.stored_rows(), main.cols);
    view.first_row = main.first;
    view.block_rows = main.count;
  }
  // Row ranges counted in parallel, each into its own counter, then added
  // (counts are sums: the result does not depend on the split). The error
  // reported is the one of the lowest row, as a sequential pass would find.
  const MessageRows all = message_rows(view, main.rows());
  constexpr uint64_t kMinRowsPerPart = uint64_t{1} << 14;
  const uint64_t parts = std::clamp<uint64_t>((all.end - all.first) / kMinRowsPerPart, 1,
                                              static_cast<uint64_t>(omp_get_max_threads()));
  std::vector<Status> part_status(parts, Ok{});
  // Part 0 counts into `counter` itself (after an error its counts do not
  // matter): with one part, as on each MPI rank, no counter is allocated,
  // zeroed and added per table (2.6 MB each for the RV32IM tables).
  std::vector<std::optional<LookupCounter>> more_parts(parts - 1);
#pragma omp parallel for schedule(static) num_threads(static_cast <int>(parts))
  for (uint64_t p = 0; p < parts; ++p) {
    const uint64_t span = all.end - all.first;
    const MessageRows range{all.first + span * p / parts, all.first + span * (p + 1) / parts};
    LookupCounter& part = p == 0 ? counter : more_parts[p - 1].emplace(counter.empty_copy());
    Status& status = part_status[p];
    for_each_message_in(table, view, main.rows(), range, [&](uint64_t row, const Message<Fp>& m) {
      if (!status.ok()) return;
      Status added = part.add(m);
      if (!added.ok()) {
        Error e = added.error();
        e.context = "table " + info.name + " row " + std::to_string(row);
        status = std::move(e);
      }
    });
  }
  for (uint64_t p = 0; p < parts; ++p) {
    if (!part_status[p].ok()) return part_status[p];
  }
  for (const std::optional<LookupCounter>& part : more_parts) counter.add_counts(*part);
  return Ok{};
}

}  // namespace baobab::zkvm::rv
