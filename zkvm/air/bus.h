// The one LogUp bus of the RV32IM AIR (docs/rv32im-air.md §2). Every table
// of the zkVM statement sends and receives tagged messages
//   m = tag + β_1·f_1 + ... + β_8·f_8          (f_k linear in the columns)
// and adds Σ mult/(γ - m) over its messages to one running sum; the verifier
// requires the final sums of all tables to cancel. A message sent with
// multiplicity +1 and received with -1 cancels; anything else leaves a
// non-zero sum except with probability ~(messages)/|Fp3|.
//
// A table declares its messages once, as
//   template <class S, class Emit> void interactions(S& s, Emit& emit) const;
// calling emit(mult, tag, {f_1, ..., f_k}) with S::Base values (fields of
// degree <= 1 in the columns, multiplicities of degree <= 2). eval_bus()
// turns them into constraints on the table's aux columns and build_bus_aux()
// fills those columns; both read the same interactions(), so the prover and
// the verifier cannot disagree about a message.
//
// Aux layout of a table with K messages per row: aux columns 0 .. P-1
// (P = ceil(K/2)) hold h_j = m_a/(γ - m_a') + m_b/(γ - m_b') for the message
// pair j; aux column P is the running sum acc_i = Σ_{r<=i} Σ_j h_j(r), and
// aux value 0 is its final value acc_(n-1).
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "src/air/constraint.h"
#include "src/air/row_reader.h"
#include "src/air/table.h"
#include "src/common/check.h"
#include "zkvm/air/public_inputs.h"

namespace baobab::zkvm::rv {

using air::ConstraintKind;
using field::Fp;
using field::Fp3;

// Challenges: γ is challenge 0, β_k is challenge k.
inline constexpr uint64_t kBusFields = 8;
inline constexpr uint64_t kChallengeGamma = 0;
inline constexpr uint64_t kBusChallenges = 1 + kBusFields;
// The final running sum of every table.
inline constexpr uint64_t kAuxValueBusSum = 0;
// Messages one table may declare per row.
inline constexpr uint64_t kMaxMessagesPerRow = 64;

// Message tags and their fields (docs/rv32im-air.md §2). The receiving
// (table) side is named first.
enum class Tag : uint64_t {
  kProgram = 1,    // static: (pc, flags, rd, rs1, rs2, imm_lo, imm_hi, offset)
  kPow2 = 2,       // static: (s, 2^s mod 2^16, 2^s >> 16) for s in [0, 32)
  kGap = 3,        // static: (lo, hi): word cells in [lo, hi] lie outside the image
  kPublicIn = 4,   // static: (offset, byte) for every public input byte
  kPublicOut = 5,  // static: (offset, byte), received exactly once each
  kRange16 = 6,    // bytes:  (v) for v in [0, 2^16)
  kSplit = 7,      // bytes:  (v, v & 255) for v in [0, 2^16)
  kBitOp = 8,      // bytes:  (op, a + 256·b, a, a op b), op 1 = and, 2 = or, 3 = xor
  kMemory = 9,     // memory: (cell, value_lo, value_hi, timestamp)
  kEcall = 10,     // ecall:  (clk, a7, a0_lo, a0_hi, ret_lo, ret_hi)
  kIo = 11,        // io:     (clk, kind, buf, length, stream_offset)
};

inline constexpr uint64_t kBitAnd = 1;
inline constexpr uint64_t kBitOr = 2;
inline constexpr uint64_t kBitXor = 3;

// Memory cells: a RAM word by its (4-aligned) byte address, register r as
// 2^32 + r. Registers 32.. are the virtual registers of the syscall state.
inline constexpr uint64_t kRegisterCellBase = uint64_t{1} << 32;
inline constexpr uint64_t kRegBrk = 32;               // current program break
inline constexpr uint64_t kRegPublicRemaining = 33;   // public input bytes not yet read
inline constexpr uint64_t kRegPrivateRemaining = 34;  // private input bytes not yet read
inline constexpr uint64_t kRegOutputLength = 35;      // public output bytes written
inline constexpr uint64_t kNumRegisters = 36;
inline constexpr uint64_t register_cell(uint64_t r) {
  return kRegisterCellBase + r;
}

// Timestamps: cycle clk's accesses happen at 4·(clk + 1) + slot; every cell
// starts at timestamp 0. Slots: rs1 read 0, rs2 read 1, memory / syscall
// 2, rd write 3.
inline constexpr uint64_t kSlotRs1 = 0;
inline constexpr uint64_t kSlotRs2 = 1;
inline constexpr uint64_t kSlotMemory = 2;
inline constexpr uint64_t kSlotRd = 3;
inline constexpr uint64_t timestamp(uint64_t clk, uint64_t slot) {
  return 4 * (clk + 1) + slot;
}

// IO kinds carried by Tag::kIo.
inline constexpr uint64_t kIoReadPublic = 1;
inline constexpr uint64_t kIoReadPrivate = 2;
inline constexpr uint64_t kIoWritePublic = 3;

template <class B>
struct Message {
  B multiplicity;
  Tag tag = Tag::kRange16;
  bool tag_is_column = false;  // the static table reads its tags from a column
  B tag_column;
  std::array<B, kBusFields> fields;
  uint64_t count = 0;
};

// Collects the messages of one row, in declaration order.
template <class B>
class MessageList {
 public:
  void operator()(const B& multiplicity, Tag tag, std::initializer_list<B> fields) {
    BAOBAB_CHECK(size_ < kMaxMessagesPerRow, "bus: too many messages in one row");
    BAOBAB_CHECK(fields.size() <= kBusFields, "bus: too many fields in one message");
    Message<B>& m = items_[size_++];
    m.multiplicity = multiplicity;
    m.tag = tag;
    m.tag_is_column = false;
    m.count = 0;
    for (const B& f : fields) m.fields[m.count++] = f;
  }
  // A message whose tag is a column value (only the static table).
  void with_tag_column(const B& multiplicity, const B& tag, std::initializer_list<B> fields) {
    operator()(multiplicity, Tag::kProgram, fields);
    items_[size_ - 1].tag_is_column = true;
    items_[size_ - 1].tag_column = tag;
  }
  uint64_t size() const { return size_; }
  const Message<B>& operator[](uint64_t i) const { return items_[i]; }
  void clear() { size_ = 0; }

 private:
  std::array<Message<B>, kMaxMessagesPerRow> items_{};
  uint64_t size_ = 0;
};

// Number of aux (Fp3) columns a table with `messages` messages per row needs.
constexpr uint64_t bus_aux_columns(uint64_t messages) {
  return (messages + 1) / 2 + 1;
}

// The shape every table of the bus shares: its bus aux columns, the bus
// challenges, all public inputs, and one aux value (its final sum).
inline air::TableInfo bus_table_info(std::string name, int log_rows, uint64_t num_main,
                                     uint64_t num_preprocessed, uint64_t messages) {
  air::TableInfo info;
  info.name = std::move(name);
  info.log_rows = log_rows;
  info.num_main = num_main;
  info.num_preprocessed = num_preprocessed;
  info.num_aux = bus_aux_columns(messages);
  info.num_challenges = kBusChallenges;
  info.num_public_inputs = kNumPublicInputs;
  info.num_aux_values = 1;
  return info;
}

// Name of the constraint of message pair j ("bus.pair.07").
std::string_view bus_pair_name(uint64_t j);

// γ - (tag + Σ β_k f_k) for one message, in the sink's extension type.
template <class S>
typename S::Ext bus_denominator(S& s, const Message<typename S::Base>& m) {
  typename S::Ext acc =
      m.tag_is_column ? s.challenge(kChallengeGamma) - m.tag_column
                      : s.challenge(kChallengeGamma) - s.constant(Fp::from_u64(uint64_t(m.tag)));
  for (uint64_t k = 0; k < m.count; ++k) acc = acc - s.challenge(1 + k) * m.fields[k];
  return acc;
}

// The bus constraints of a table (aux columns and aux value as above).
template <class S, class Table>
void eval_bus(S& s, const Table& table) {
  using Base = typename S::Base;
  // One list per thread, reused: the prover calls this for every LDE point,
  // and constructing a fresh 64-message list each time (zeroing ~6 KB) cost
  // more than the arithmetic.
  thread_local MessageList<Base> messages;
  messages.clear();
  table.interactions(s, messages);
  const uint64_t pairs = (messages.size() + 1) / 2;
  for (uint64_t j = 0; j < pairs; ++j) {
    const auto h = s.aux(j);
    const Message<Base>& a = messages[2 * j];
    const auto da = bus_denominator(s, a);
    if (2 * j + 1 < messages.size()) {
      const Message<Base>& b = messages[2 * j + 1];
      const auto db = bus_denominator(s, b);
      s.assert_zero(bus_pair_name(j), ConstraintKind::kEveryRow,
                    h * da * db - db * a.multiplicity - da * b.multiplicity);
    } else {
      s.assert_zero(bus_pair_name(j), ConstraintKind::kEveryRow, h * da - a.multiplicity);
    }
  }
  auto row_sum = s.aux(0);
  auto next_sum = s.aux_next(0);
  for (uint64_t j = 1; j < pairs; ++j) {
    row_sum = row_sum + s.aux(j);
    next_sum = next_sum + s.aux_next(j);
  }
  const auto acc = s.aux(pairs);
  s.assert_zero("bus.acc_first", ConstraintKind::kFirstRow, acc - row_sum);
  s.assert_zero("bus.acc_step", ConstraintKind::kTransition, s.aux_next(pairs) - acc - next_sum);
  s.assert_zero("bus.acc_final", ConstraintKind::kLastRow, acc - s.aux_value(kAuxValueBusSum));
}

// Reads one trace row with Fp values (for witness generation and counting).
class TraceRowReader : public air::RowReader<air::TraceView> {
 public:
  TraceRowReader(const air::TraceView& trace, const air::ConstraintInputs& inputs, uint64_t rows)
      : RowReader(trace, inputs), rows_(rows) {}
  // Row `row` of the table (a block view reads its own rows and the halo).
  void at(uint64_t row) { move_to_row(row, rows_); }

 private:
  uint64_t rows_;
};

// Visits every message of every row with concrete values: f(row, message).
// A block view (TraceView::block_rows) visits its rows only.
// The rows for_each_message visits: [first, end) of the table.
struct MessageRows {
  uint64_t first = 0, end = 0;
};
inline MessageRows message_rows(const air::TraceView& trace, uint64_t rows) {
  const uint64_t begin = trace.block_rows != 0 ? trace.first_row : 0;
  return {begin, trace.block_rows != 0 ? begin + trace.block_rows : rows};
}

// As for_each_message, rows [range.first, range.end) only (a part of
// message_rows()).
template <class Table, class F>
void for_each_message_in(const Table& table, const air::TraceView& trace, uint64_t rows,
                         MessageRows range, F&& f) {
  const air::ConstraintInputs no_inputs{};
  TraceRowReader reader(trace, no_inputs, rows);
  MessageList<Fp> messages;
  for (uint64_t row = range.first; row < range.end; ++row) {
    reader.at(row);
    messages.clear();
    table.interactions(reader, messages);
    for (uint64_t i = 0; i < messages.size(); ++i) f(row, messages[i]);
  }
}

template <class Table, class F>
void for_each_message(const Table& table, const air::TraceView& trace, uint64_t rows, F&& f) {
  const air::ConstraintInputs no_inputs{};
  TraceRowReader reader(trace, no_inputs, rows);
  MessageList<Fp> messages;
  const auto [begin, end] = message_rows(trace, rows);
  for (uint64_t row = begin; row < end; ++row) {
    reader.at(row);
    messages.clear();
    table.interactions(reader, messages);
    for (uint64_t i = 0; i < messages.size(); ++i) f(row, messages[i]);
  }
}

// Fills the aux columns of eval_bus() and returns the final sum.
struct BusRowsFn {
  // Evaluates one row's messages into `out` (type-erased table access).
  void (*messages)(const void* table, TraceRowReader& reader, MessageList<Fp>& out);
  const void* table;
  // The h-columns of rows [first_row, first_row + aux_block.rows) eight rows
  // per AVX-512 register, returning their sum (bus_packed_avx512.h); null
  // for a table without that path. Called only on CPUs with AVX-512.
  Fp3 (*block_avx512)(const void* table, const air::TraceView& trace,
                      const air::ConstraintInputs& inputs, uint64_t table_rows, uint64_t first_row,
                      field::MatrixView aux_block) = nullptr;
};
Fp3 build_bus_aux(const BusRowsFn& fn, uint64_t num_messages, const air::TraceView& trace,
                  const air::ConstraintInputs& inputs, field::MatrixView aux_out);

// Rows [first_row, first_row + aux_out.rows) of a table of table_rows rows
// (trace: the whole table or a block view of those rows), the running sum
// started at zero there; returns
// the block's sum (the distributed prover adds the blocks before it).
Fp3 build_bus_aux_rows(const BusRowsFn& fn, uint64_t num_messages, const air::TraceView& trace,
                       const air::ConstraintInputs& inputs, uint64_t table_rows, uint64_t first_row,
                       field::MatrixView aux_out);

template <class Table>
BusRowsFn bus_rows_fn(const Table& table) {
  BusRowsFn fn{[](const void* t, TraceRowReader& reader, MessageList<Fp>& out) {
                 static_cast<const Table*>(t)->interactions(reader, out);
               },
               &table};
  if constexpr (requires(const air::TraceView& v, const air::ConstraintInputs& in,
                         field::MatrixView out) {
                  table.build_bus_block_avx512(v, in, uint64_t{0}, uint64_t{0}, out);
                }) {
    fn.block_avx512 = [](const void* t, const air::TraceView& trace,
                         const air::ConstraintInputs& inputs, uint64_t table_rows,
                         uint64_t first_row, field::MatrixView aux_block) {
      return static_cast<const Table*>(t)->build_bus_block_avx512(trace, inputs, table_rows,
                                                                  first_row, aux_block);
    };
  }
  return fn;
}

template <class Table>
Fp3 build_bus_aux(const Table& table, const air::TraceView& trace,
                  const air::ConstraintInputs& inputs, field::MatrixView aux_out) {
  return build_bus_aux(bus_rows_fn(table), Table::kMessages, trace, inputs, aux_out);
}

// What every bus table adds to its AIR (air.h: build_aux, build_aux_rows,
// aux_running_sums) by deriving from BusAux<Table>: the aux columns of
// eval_bus(), whose one running sum (aux column P) is aux value 0.
template <class Table>
class BusAux {
 public:
  void build_aux(const air::TraceView& trace, const air::ConstraintInputs& inputs,
                 field::MatrixView aux_out, std::span<Fp3> aux_values_out) const {
    aux_values_out[kAuxValueBusSum] = build_bus_aux(self(), trace, inputs, aux_out);
  }
  void build_aux_rows(const air::TraceView& trace, const air::ConstraintInputs& inputs,
                      uint64_t first, field::MatrixView aux_out,
                      std::span<Fp3> block_sums_out) const {
    block_sums_out[0] = build_bus_aux_rows(bus_rows_fn(self()), Table::kMessages, trace, inputs,
                                           self().info().rows(), first, aux_out);
  }
  std::vector<air::AuxRunningSum> aux_running_sums() const {
    return {{(Table::kMessages + 1) / 2, kAuxValueBusSum}};
  }

 private:
  const Table& self() const { return static_cast<const Table&>(*this); }
};

}  // namespace baobab::zkvm::rv
