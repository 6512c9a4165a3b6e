#include "src/params/security.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>

#include "src/params/problem_list.h"

namespace baobab::params {
namespace {

using detail::check_range;
using detail::join;

constexpr uint32_t kMaxLogLdeSize = 32;  // two-adicity of Goldilocks

std::string fmt(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), format, value);
  return buf;
}

// log2(2^a + 2^b + ...) without leaving the log domain (terms reach 2^-1000).
double log2_sum(const std::vector<ErrorTerm>& terms) {
  double hi = -INFINITY;
  for (const ErrorTerm& t : terms) hi = std::max(hi, t.log2_error);
  double sum = 0;
  for (const ErrorTerm& t : terms) sum += std::exp2(t.log2_error - hi);
  return hi + std::log2(sum);
}

uint32_t fri_rounds(uint32_t log_lde_size, uint32_t log_remainder, uint32_t log_arity) {
  if (log_lde_size <= log_remainder) return 0;
  return (log_lde_size - log_remainder + log_arity - 1) / log_arity;
}

}  // namespace

double log2_fp3_size() {
  constexpr uint64_t kP = 0xffffffff00000001ull;
  return 3.0 * static_cast<double>(std::log2(static_cast<long double>(kP)));
}

// ---- StatementShape ---------------------------------------------------------

uint32_t StatementShape::num_quotient_chunks() const {
  return max_constraint_degree <= 2 ? 1 : max_constraint_degree - 1;
}

std::vector<std::string> StatementShape::problems() const {
  std::vector<std::string> out;
  check_range(out, "log_trace_rows", log_trace_rows, 1, kMaxLogLdeSize - kMinLogBlowup);
  check_range(out, "num_tables", num_tables, 1, 1u << 16);
  check_range(out, "num_deep_polys", num_deep_polys, 1, 1u << 16);
  check_range(out, "num_opening_points", num_opening_points, 1, 16);
  check_range(out, "max_constraint_degree", max_constraint_degree, 1, 64);
  check_range(out, "num_constraints", num_constraints, 1, uint64_t{1} << 24);
  check_range(out, "num_logup_fractions", num_logup_fractions, 0, uint64_t{1} << 48);
  check_range(out, "max_logup_tuple_width", max_logup_tuple_width, 1, 256);
  if (!(log2_field_size >= 128 && log2_field_size <= 256)) {
    out.push_back("log2_field_size = " + fmt("%.3f", log2_field_size) +
                  " is outside [128, 256] (the calculator assumes an extension field)");
  }
  return out;
}

Status StatementShape::validate() const {
  const std::vector<std::string> all = problems();
  if (all.empty()) return Ok{};
  return Error{ErrorCode::kInvalidArgument, join(all, "; "), "statement shape"};
}

std::string StatementShape::to_json() const {
  std::string s = "{";
  s += "\"log_trace_rows\":" + std::to_string(log_trace_rows);
  s += ",\"num_tables\":" + std::to_string(num_tables);
  s += ",\"num_deep_polys\":" + std::to_string(num_deep_polys);
  s += ",\"num_opening_points\":" + std::to_string(num_opening_points);
  s += ",\"max_constraint_degree\":" + std::to_string(max_constraint_degree);
  s += ",\"num_constraints\":" + std::to_string(num_constraints);
  s += ",\"num_logup_fractions\":" + std::to_string(num_logup_fractions);
  s += ",\"max_logup_tuple_width\":" + std::to_string(max_logup_tuple_width);
  s += ",\"log2_field_size\":" + fmt("%.6f", log2_field_size);
  s += "}";
  return s;
}

// ---- the calculator -------------------------------------------------------------

SecurityReport estimate_security(const ProofParams& params, const StatementShape& shape) {
  SecurityReport r;
  std::vector<std::string> bad = params.problems();
  for (std::string& p : shape.problems()) bad.push_back(std::move(p));
  if (bad.empty()) {
    if (shape.log_trace_rows + params.log_blowup > kMaxLogLdeSize) {
      bad.push_back("LDE domain 2^" + std::to_string(shape.log_trace_rows + params.log_blowup) +
                    " exceeds the field's two-adic subgroup 2^32");
    }
    if (params.blowup() < shape.num_quotient_chunks()) {
      bad.push_back("blowup " + std::to_string(params.blowup()) + " is below the " +
                    std::to_string(shape.num_quotient_chunks()) +
                    " composition chunks that degree " +
                    std::to_string(shape.max_constraint_degree) + " constraints need");
    }
  }
  if (!bad.empty()) {
    r.explanation = "no security estimate: " + join(bad, "; ");
    return r;
  }
  r.valid = true;

  const double log_f = shape.log2_field_size;
  const double n_rows = std::exp2(shape.log_trace_rows);  // N
  r.log_lde_size = shape.log_trace_rows + params.log_blowup;
  const double n_lde = std::exp2(r.log_lde_size);  // n
  r.num_fri_rounds =
      fri_rounds(r.log_lde_size, params.fri_remainder_max_log_size, params.log_fri_arity);
  const double rho = 1.0 / params.blowup();
  r.delta = (1.0 - rho) / 2.0;
  r.proven_bits_per_query = -std::log2(1.0 - r.delta);
  const double s = params.num_queries;
  const double g = params.grinding_bits;
  const double d = shape.max_constraint_degree;
  const double m = shape.num_opening_points;

  // ---- conjectured (ethSTARK-style) ---------------------------------------------
  r.conjectured_query_bits = s * params.log_blowup + g;
  r.conjectured_field_bits = log_f - r.log_lde_size;
  const double conj = std::min(r.conjectured_query_bits, r.conjectured_field_bits) - 1.0;
  r.conjectured_bits = std::max(0.0, std::min(conj, kHashCollisionBits));
  if (conj >= kHashCollisionBits) {
    r.conjectured_limit = "hash.collision";
  } else {
    r.conjectured_limit =
        r.conjectured_query_bits <= r.conjectured_field_bits ? "fri.query" : "field.size";
  }

  // ---- proven (unique decoding) ------------------------------------------------------
  auto term = [&](std::string name, double log2_error, std::string formula) {
    r.proven_terms.push_back({std::move(name), log2_error, std::move(formula)});
  };
  // ALI: a random combination of C constraint quotients is a polynomial although
  // one quotient is not for at most C - 1 challenges.
  term("ali", std::log2(static_cast<double>(shape.num_constraints)) - log_f,
       "C/|F| = " + std::to_string(shape.num_constraints) + "/2^" + fmt("%.2f", log_f));
  // DEEP: the out-of-domain check of each table's composition identity, list size 1.
  const double deep_num = d * (n_rows + m - 1) + (n_rows - 1);
  const double log_deep_den =
      log_f + std::log1p(-(n_rows + n_lde) * std::exp2(-log_f)) / std::numbers::ln2;
  term("deep.ood",
       std::log2(static_cast<double>(shape.num_tables)) + std::log2(deep_num) - log_deep_den,
       "t(d(N+m-1)+N-1)/(|F|-N-n) = " + std::to_string(shape.num_tables) + "*(" + fmt("%.0f", d) +
           "*(2^" + std::to_string(shape.log_trace_rows) + "+" + fmt("%.0f", m - 1) + ")+2^" +
           std::to_string(shape.log_trace_rows) + "-1)/|F|");
  // LogUp: Schwartz–Zippel on the cleared-denominator identity in (alpha, beta).
  if (shape.num_logup_fractions > 0) {
    term("logup",
         std::log2(static_cast<double>(shape.num_logup_fractions)) +
             std::log2(static_cast<double>(shape.max_logup_tuple_width)) - log_f,
         "T*width/|F| = " + std::to_string(shape.num_logup_fractions) + "*" +
             std::to_string(shape.max_logup_tuple_width) + "/|F|");
  }
  // DEEP batching: w*m quotients combined with powers of one challenge: a curve of
  // degree w*m - 1 (BCIKS20, unique decoding), bounded by w*m*n/|F|.
  const double batched = static_cast<double>(shape.num_deep_polys) * m;
  term("deep.batch", std::log2(batched) + r.log_lde_size - log_f,
       "w*m*n/|F| = " + fmt("%.0f", batched) + "*2^" + std::to_string(r.log_lde_size) + "/|F|");
  // FRI commit phase: round i folds a = 2^log_arity cosets of a layer of size
  // n/a^i with powers of one challenge: (a-1)*n_i/|F| per round.
  if (r.num_fri_rounds > 0) {
    const double a = params.fri_arity();
    double sum = 0;
    for (uint32_t i = 0; i < r.num_fri_rounds; ++i) sum += (a - 1) * n_lde / std::pow(a, i);
    term("fri.commit", std::log2(sum) - log_f,
         "sum_i (a-1)*n/a^i / |F| over " + std::to_string(r.num_fri_rounds) +
             " rounds, a = " + std::to_string(params.fri_arity()));
  }
  // FRI query phase with the grinding before it.
  term("fri.query", s * std::log2(1.0 - r.delta) - g,
       "(1-δ)^s * 2^-g = " + fmt("%.4f", 1.0 - r.delta) + "^" + std::to_string(params.num_queries) +
           " * 2^-" + std::to_string(params.grinding_bits) + ", δ = (1-1/" +
           std::to_string(params.blowup()) + ")/2");

  const double proven = -log2_sum(r.proven_terms);
  r.proven_bits = std::max(0.0, std::min(proven, kHashCollisionBits));
  if (proven >= kHashCollisionBits) {
    r.proven_limit = "hash.collision";
  } else {
    const ErrorTerm& worst = *std::max_element(
        r.proven_terms.begin(), r.proven_terms.end(),
        [](const ErrorTerm& x, const ErrorTerm& y) { return x.log2_error < y.log2_error; });
    r.proven_limit = worst.name;
  }

  // ---- explanation ---------------------------------------------------------------------
  auto describe = [&](const std::string& limit) -> std::string {
    if (limit == "hash.collision") return "the 128-bit collision resistance of SHA-256";
    if (limit == "fri.query") {
      return "the FRI queries (" + std::to_string(params.num_queries) + " queries, " +
             std::to_string(params.grinding_bits) + " grinding bits)";
    }
    if (limit == "field.size") return "the field size against the LDE domain";
    for (const ErrorTerm& t : r.proven_terms) {
      if (t.name == limit) return "the " + t.name + " term " + t.formula;
    }
    return limit;
  };
  r.explanation = "proven " + fmt("%.1f", r.proven_bits) +
                  " bits (unique decoding, δ = " + fmt("%.4f", r.delta) + ", " +
                  fmt("%.3f", r.proven_bits_per_query) + " bits per query), limited by " +
                  describe(r.proven_limit) + "; conjectured " + fmt("%.1f", r.conjectured_bits) +
                  " bits, limited by " + describe(r.conjectured_limit) + ".";
  if (r.proven_limit == "fri.query" || r.conjectured_limit == "fri.query") {
    r.explanation += " More queries, grinding bits or a larger blowup raise it.";
  }
  return r;
}

std::string SecurityReport::to_json() const {
  std::string s = "{";
  s += std::string("\"valid\":") + (valid ? "true" : "false");
  s += ",\"conjectured_bits\":" + fmt("%.2f", conjectured_bits);
  s += ",\"proven_bits\":" + fmt("%.2f", proven_bits);
  s += ",\"conjectured_limit\":\"" + conjectured_limit + "\"";
  s += ",\"proven_limit\":\"" + proven_limit + "\"";
  s += ",\"log_lde_size\":" + std::to_string(log_lde_size);
  s += ",\"num_fri_rounds\":" + std::to_string(num_fri_rounds);
  s += ",\"delta\":" + fmt("%.6f", delta);
  s += ",\"proven_terms\":{";
  for (size_t i = 0; i < proven_terms.size(); ++i) {
    if (i != 0) s += ",";
    s += "\"" + proven_terms[i].name + "\":" + fmt("%.2f", proven_terms[i].log2_error);
  }
  s += "}";
  // The explanation holds only printable ASCII and UTF-8 (no quotes or backslashes).
  s += ",\"explanation\":\"" + explanation + "\"";
  s += "}";
  return s;
}

Status check_security(const SecurityReport& report, const SecurityLevel& level) {
  if (!report.valid) {
    return Error{ErrorCode::kInvalidArgument, report.explanation, "security"};
  }
  if (report.proven_bits >= level.min_proven_bits &&
      report.conjectured_bits >= level.min_conjectured_bits) {
    return Ok{};
  }
  return Error{ErrorCode::kInvalidArgument,
               "parameters give " + fmt("%.1f", report.proven_bits) + " proven and " +
                   fmt("%.1f", report.conjectured_bits) + " conjectured bits, below the required " +
                   fmt("%.1f", level.min_proven_bits) + " proven / " +
                   fmt("%.1f", level.min_conjectured_bits) + " conjectured bits (" +
                   report.explanation + ")",
               "security"};
}

}  // namespace baobab::params
