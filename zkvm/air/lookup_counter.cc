#include "zkvm/air/lookup_counter.h"

namespace baobab::zkvm::rv {

namespace {

constexpr uint64_t kBytesRows = uint64_t{1} << BytesAir::kLogRows;
// Larger "multiplicities" are negative field elements: a receiver's message
// or a broken witness.
constexpr uint64_t kMaxMultiplicity = uint64_t{1} << 32;

const char* tag_name(Tag tag) {
  switch (tag) {
    case Tag::kProgram:
      return "program";
    case Tag::kPow2:
      return "pow2";
    case Tag::kGap:
      return "gap";
    case Tag::kPublicIn:
      return "public_in";
    case Tag::kPublicOut:
      return "public_out";
    case Tag::kRange16:
      return "range16";
    case Tag::kSplit:
      return "split";
    case Tag::kBitOp:
      return "bitop";
    case Tag::kMemory:
      return "memory";
    case Tag::kEcall:
      return "ecall";
    case Tag::kIo:
      return "io";
  }
  return "unknown";
}

Error lookup_error(const Message<Fp>& m, const std::string& why) {
  return Error{ErrorCode::kInvalidArgument, "lookup " + describe(m) + ": " + why, ""};
}

// Field k of a message; missing fields are 0, as in the bus compression.
Fp field_at(const Message<Fp>& m, uint64_t k) {
  return k < m.count ? m.fields[k] : Fp::zero();
}

bool zero_beyond(const Message<Fp>& m, uint64_t arity) {
  for (uint64_t k = arity; k < m.count; ++k) {
    if (m.fields[k] != Fp::zero()) return false;
  }
  return true;
}

// The bytes-table column and row receiving `m`, if any.
bool bytes_row(const Message<Fp>& m, uint64_t& column, uint64_t& row) {
  const uint64_t v = field_at(m, 0).value();
  switch (m.tag) {
    case Tag::kRange16:
      column = BytesAir::kMultRange;
      row = v;
      return v < kBytesRows && zero_beyond(m, 1);
    case Tag::kSplit:
      column = BytesAir::kMultSplit;
      row = v;
      return v < kBytesRows && field_at(m, 1) == Fp::from_u64(v & 255) && zero_beyond(m, 2);
    case Tag::kBitOp: {
      if (v < kBitAnd || v > kBitXor || !zero_beyond(m, 4)) return false;
      row = field_at(m, 1).value();
      if (row >= kBytesRows) return false;
      const uint64_t a = row & 255, b = row >> 8;
      const uint64_t result = v == kBitAnd ? (a & b) : v == kBitOr ? (a | b) : (a ^ b);
      column = BytesAir::kMultAnd + (v - kBitAnd);
      return field_at(m, 2) == Fp::from_u64(a) && field_at(m, 3) == Fp::from_u64(result);
    }
    default:
      return false;
  }
}

}  // namespace

std::string describe(const Message<Fp>& m) {
  std::string s = m.tag_is_column ? "tag" + std::to_string(m.tag_column.value()) : tag_name(m.tag);
  s += "(";
  for (uint64_t k = 0; k < m.count; ++k) {
    if (k > 0) s += ", ";
    s += std::to_string(m.fields[k].value());
  }
  return s + ")";
}

LookupCounter::LookupCounter(std::shared_ptr<const StaticContent> content)
    : content_(std::move(content)) {
  BAOBAB_CHECK(content_ != nullptr, "LookupCounter: no static content");
  static_counts_.assign(content_->rows.size(), 0);
  for (auto& column : bytes_counts_) column.assign(kBytesRows, 0);
}

Status LookupCounter::add(const Message<Fp>& m) {
  if (m.tag_is_column || m.multiplicity == Fp::zero()) return Ok{};
  const bool to_static = m.tag == Tag::kProgram || m.tag == Tag::kPow2 || m.tag == Tag::kGap ||
                         m.tag == Tag::kPublicIn || m.tag == Tag::kPublicOut;
  const bool to_bytes = m.tag == Tag::kRange16 || m.tag == Tag::kSplit || m.tag == Tag::kBitOp;
  if (!to_static && !to_bytes) return Ok{};
  const uint64_t mult = m.multiplicity.value();
  if (mult >= kMaxMultiplicity) return lookup_error(m, "multiplicity is not a small count");
  if (to_static) {
    const std::optional<uint64_t> row = content_->find(m);
    if (!row) return lookup_error(m, "no static row holds it");
    static_counts_[*row] += mult;
    return Ok{};
  }
  uint64_t column = 0, row = 0;
  if (!bytes_row(m, column, row)) return lookup_error(m, "no bytes row holds it");
  bytes_counts_[column][row] += mult;
  return Ok{};
}

Result<TableTrace> LookupCounter::static_trace(int log_rows) const {
  TableTrace t(log_rows, StaticAir::kNumMain);
  BAOBAB_CHECK(static_counts_.size() <= t.rows(), "static_trace: too few rows");
  for (uint64_t r = 0; r < static_counts_.size(); ++r) {
    const uint64_t count = static_counts_[r];
    if (content_->rows[r].fixed && count != 1) {
      return Error{ErrorCode::kInvalidArgument,
                   "public output byte " + std::to_string(r - content_->public_out_first) +
                       " written " + std::to_string(count) + " times, not once",
                   "lookup"};
    }
    t.set(r, StaticAir::kMult, count);
  }
  return t;
}

TableTrace LookupCounter::bytes_trace(int log_rows) const {
  TableTrace t(log_rows, BytesAir::kNumMain);  // extra rows repeat v = 0 with no count
  for (uint64_t c = 0; c < BytesAir::kNumMain; ++c) {
    for (uint64_t v = 0; v < kBytesRows; ++v) t.set(v, c, bytes_counts_[c][v]);
  }
  return t;
}

std::vector<uint64_t> LookupCounter::counts() const {
  std::vector<uint64_t> out(static_counts_.begin(), static_counts_.end());
  for (const auto& column : bytes_counts_) out.insert(out.end(), column.begin(), column.end());
  return out;
}

void LookupCounter::add_counts(std::span<const uint64_t> counts) {
  uint64_t at = 0;
  BAOBAB_CHECK(counts.size() == static_counts_.size() + bytes_counts_.size() * kBytesRows,
               "LookupCounter::add_counts: another counter's shape");
  for (uint64_t& c : static_counts_) c += counts[at++];
  for (auto& column : bytes_counts_) {
    for (uint64_t& c : column) c += counts[at++];
  }
}

void LookupCounter::add_counts(const LookupCounter& other) {
  BAOBAB_CHECK(other.static_counts_.size() == static_counts_.size(),
               "LookupCounter::add_counts: another counter's shape");
  for (uint64_t r = 0; r < static_counts_.size(); ++r) static_counts_[r] += other.static_counts_[r];
  for (uint64_t c = 0; c < bytes_counts_.size(); ++c) {
    for (uint64_t v = 0; v < kBytesRows; ++v) bytes_counts_[c][v] += other.bytes_counts_[c][v];
  }
}

}  // namespace baobab::zkvm::rv
