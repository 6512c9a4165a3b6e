#include "src/stark/proof_format.h"

#include "src/common/byte_io.h"
#include "src/field/serialize.h"
#include "src/stark/layout.h"

namespace baobab::stark {

namespace {

// ---------------------------------------------------------------- writing

void put_digest(ByteWriter& w, const Digest& d) {
  w.put_bytes(d.bytes);
}

void put_fp3s(ByteWriter& w, std::span<const Fp3> values) {
  for (const Fp3& v : values) field::put_fp3(w, v);
}

void put_opening(ByteWriter& w, const merkle::BatchOpening& o) {
  w.put_u64(o.indices.size());
  for (uint64_t index : o.indices) w.put_u64(index);
  for (Fp v : o.rows) field::put_fp(w, v);
  w.put_u64(o.siblings.size());
  for (const Digest& d : o.siblings) put_digest(w, d);
}

// ---------------------------------------------------------------- parsing

#define BAOBAB_TRY_ASSIGN(target, expr)               \
  do {                                                \
    auto baobab_result = (expr);                      \
    if (!baobab_result) return baobab_result.error(); \
    target = std::move(baobab_result).value();        \
  } while (false)

Result<Digest> get_digest(ByteReader& r, std::string_view field) {
  auto bytes = r.bytes(field, Digest::kBytes);
  if (!bytes) return bytes.error();
  Digest d;
  std::copy(bytes.value().begin(), bytes.value().end(), d.bytes.begin());
  return d;
}

Status get_fp3s(ByteReader& r, std::string_view field, uint64_t count, std::vector<Fp3>& out) {
  out.resize(count);
  for (auto& v : out) BAOBAB_TRY_ASSIGN(v, field::get_fp3(r, field));
  return Ok{};
}

Status get_digests(ByteReader& r, std::string_view field, uint64_t max_count,
                   std::vector<Digest>& out) {
  uint64_t count = 0;
  BAOBAB_TRY_ASSIGN(count, r.u64_in_range(field, 0, max_count));
  out.resize(count);
  for (auto& d : out) BAOBAB_TRY_ASSIGN(d, get_digest(r, field));
  return Ok{};
}

// An opening of `width` columns in a tree of 2^height leaves, at most
// `max_rows` rows (the number of queries).
Status get_opening(ByteReader& r, std::string_view field, uint64_t width, unsigned height,
                   uint64_t max_rows, merkle::BatchOpening& out) {
  uint64_t count = 0;
  BAOBAB_TRY_ASSIGN(count, r.u64_in_range(field, width == 0 ? 0 : 1, width == 0 ? 0 : max_rows));
  out.indices.resize(count);
  for (auto& index : out.indices) {
    BAOBAB_TRY_ASSIGN(index, r.u64_in_range(field, 0, (uint64_t{1} << height) - 1));
  }
  out.rows.resize(count * width);
  for (auto& v : out.rows) BAOBAB_TRY_ASSIGN(v, field::get_fp(r, field));
  return get_digests(r, field, count * height, out.siblings);
}

}  // namespace

std::vector<uint8_t> serialize_proof(const Proof& proof, std::vector<ProofSection>* sections) {
  ByteWriter w;
  uint64_t section_start = 0;
  const auto section = [&](std::string name) {
    if (sections != nullptr) sections->push_back({std::move(name), section_start, w.size()});
    section_start = w.size();
  };
  w.put_u32(kProofMagic);
  w.put_u8(kProofVersion);
  const auto params = proof.params.to_bytes();
  w.put_bytes(params);
  section("header and params");
  w.put_u64(proof.tables.size());
  for (size_t i = 0; i < proof.tables.size(); ++i) {
    const TableProof& t = proof.tables[i];
    const std::string table = "table " + std::to_string(i) + " ";
    put_digest(w, t.main_root);
    section(table + "main root");
    put_digest(w, t.aux_root);
    section(table + "aux root");
    put_fp3s(w, t.aux_values);
    section(table + "aux values");
    put_digest(w, t.composition_root);
    section(table + "composition root");
    for (const auto* values :
         {&t.ood.main, &t.ood.main_next, &t.ood.preprocessed, &t.ood.preprocessed_next, &t.ood.aux,
          &t.ood.aux_next, &t.ood.composition}) {
      put_fp3s(w, *values);
    }
    section(table + "out-of-domain values");
  }
  w.put_u64(proof.fri.size());
  for (const FriInstanceProof& f : proof.fri) {
    for (const Digest& d : f.commitment.layer_roots) put_digest(w, d);
    section("fri layer roots");
    put_fp3s(w, f.commitment.remainder);
    section("fri remainder");
  }
  w.put_u64(proof.pow_nonce);
  section("proof of work");
  for (const FriInstanceProof& f : proof.fri) {
    for (const fri::FriLayerOpening& layer : f.queries.layers) {
      w.put_u64(layer.values.size());
      put_fp3s(w, layer.values);
      w.put_u64(layer.siblings.size());
      for (const Digest& d : layer.siblings) put_digest(w, d);
    }
    section("fri query openings");
  }
  for (size_t i = 0; i < proof.tables.size(); ++i) {
    const TableProof& t = proof.tables[i];
    const std::string table = "table " + std::to_string(i) + " ";
    put_opening(w, t.openings.main);
    section(table + "main opening");
    put_opening(w, t.openings.preprocessed);
    put_opening(w, t.openings.aux);
    section(table + "preprocessed and aux openings");
    put_opening(w, t.openings.composition);
    section(table + "composition opening");
  }
  return w.take();
}

Result<Proof> parse_proof(const Statement& statement, std::span<const uint8_t> bytes) {
  ByteReader r(bytes, "proof");
  uint32_t magic = 0;
  BAOBAB_TRY_ASSIGN(magic, r.u32("magic"));
  if (magic != kProofMagic) {
    return Error{ErrorCode::kMalformedInput, "not a Baobab proof (bad magic)", "proof"};
  }
  uint8_t version = 0;
  BAOBAB_TRY_ASSIGN(version, r.u8("version"));
  if (version != kProofVersion) {
    return Error{ErrorCode::kMalformedInput,
                 "proof format version " + std::to_string(version) +
                     " is not supported (expected " + std::to_string(kProofVersion) + ")",
                 "proof"};
  }
  Proof proof;
  std::span<const uint8_t> params_bytes;
  BAOBAB_TRY_ASSIGN(params_bytes, r.bytes("params", params::ProofParams::kEncodedSize));
  BAOBAB_TRY_ASSIGN(proof.params, params::ProofParams::from_bytes(params_bytes));
  auto layout_or = make_layout(statement.tables, proof.params);
  if (!layout_or) return layout_or.error();
  const StarkLayout& layout = layout_or.value();
  const uint64_t queries = proof.params.num_queries;

  uint64_t tables = 0;
  BAOBAB_TRY_ASSIGN(tables, r.u64_in_range("tables", layout.tables.size(), layout.tables.size()));
  proof.tables.resize(tables);
  for (size_t i = 0; i < tables; ++i) {
    const TableLayout& shape = layout.tables[i];
    TableProof& t = proof.tables[i];
    BAOBAB_TRY_ASSIGN(t.main_root, get_digest(r, "main root"));
    BAOBAB_TRY_ASSIGN(t.aux_root, get_digest(r, "aux root"));
    if (Status s = get_fp3s(r, "aux values", shape.aux_values, t.aux_values); !s) return s.error();
    BAOBAB_TRY_ASSIGN(t.composition_root, get_digest(r, "composition root"));
    const std::pair<std::vector<Fp3>*, uint64_t> ood[] = {
        {&t.ood.main, shape.main_columns},
        {&t.ood.main_next, shape.main_columns},
        {&t.ood.preprocessed, shape.preprocessed_columns},
        {&t.ood.preprocessed_next, shape.preprocessed_columns},
        {&t.ood.aux, shape.aux_columns},
        {&t.ood.aux_next, shape.aux_columns},
        {&t.ood.composition, shape.composition_columns()}};
    for (const auto& [values, count] : ood) {
      if (Status s = get_fp3s(r, "out-of-domain values", count, *values); !s) return s.error();
    }
  }
  uint64_t fri_instances = 0;
  BAOBAB_TRY_ASSIGN(fri_instances, r.u64_in_range("fri instances", 1, 1));
  proof.fri.resize(fri_instances);
  const fri::FriLayout& fri_layout = layout.fri_layout;
  for (FriInstanceProof& f : proof.fri) {
    f.commitment.layer_roots.resize(fri_layout.layers.size());
    for (auto& d : f.commitment.layer_roots) BAOBAB_TRY_ASSIGN(d, get_digest(r, "fri layer root"));
    if (Status s =
            get_fp3s(r, "fri remainder", fri_layout.remainder_length(), f.commitment.remainder);
        !s) {
      return s.error();
    }
  }
  BAOBAB_TRY_ASSIGN(proof.pow_nonce, r.u64("proof-of-work nonce"));
  for (FriInstanceProof& f : proof.fri) {
    f.queries.layers.resize(fri_layout.layers.size());
    for (size_t l = 0; l < fri_layout.layers.size(); ++l) {
      const fri::FriLayerShape& shape = fri_layout.layers[l];
      fri::FriLayerOpening& layer = f.queries.layers[l];
      const uint64_t arity = uint64_t{1} << shape.log_arity;
      uint64_t count = 0;
      BAOBAB_TRY_ASSIGN(count, r.u64_in_range("fri layer values", arity, queries * arity));
      if (Status s = get_fp3s(r, "fri layer values", count, layer.values); !s) return s.error();
      if (Status s =
              get_digests(r, "fri layer siblings", queries * shape.tree_height(), layer.siblings);
          !s) {
        return s.error();
      }
    }
  }
  for (size_t i = 0; i < tables; ++i) {
    const TableLayout& shape = layout.tables[i];
    TableOpenings& o = proof.tables[i].openings;
    const auto height = static_cast<unsigned>(shape.log_lde_rows);
    const std::tuple<merkle::BatchOpening*, uint64_t, const char*> trees[] = {
        {&o.main, shape.main_columns, "main opening"},
        {&o.preprocessed, shape.preprocessed_columns, "preprocessed opening"},
        {&o.aux, shape.aux_columns, "aux opening"},
        {&o.composition, shape.composition_columns(), "composition opening"}};
    for (const auto& [opening, width, name] : trees) {
      if (Status s = get_opening(r, name, width, height, queries, *opening); !s) return s.error();
    }
  }
  if (Status end = r.expect_end(); !end) return end.error();
  return proof;
}

}  // namespace baobab::stark
