#include "src/air/ood_composition.h"

#include <string>
#include <vector>

#include "src/air/vanishing.h"

namespace baobab::air {
namespace {

Status check_frame(const TableInfo& info, const OodFrame& f, const ConstraintInputs& in) {
  const uint64_t aux = info.num_aux_base_columns();
  const bool ok = f.main.size() == info.num_main && f.main_next.size() == info.num_main &&
                  f.preprocessed.size() == info.num_preprocessed &&
                  f.preprocessed_next.size() == info.num_preprocessed && f.aux.size() == aux &&
                  f.aux_next.size() == aux && in.public_inputs.size() >= info.num_public_inputs &&
                  in.challenges.size() >= info.num_challenges &&
                  in.aux_values.size() >= info.num_aux_values;
  if (ok) return Ok{};
  return Error{ErrorCode::kMalformedInput,
               "out-of-domain frame or inputs do not match the table's shape",
               "table '" + info.name + "'"};
}

}  // namespace

Result<Fp3> composition_at(const Air& air, const OodFrame& frame, const ConstraintInputs& inputs,
                           const Fp3& alpha, const Fp3& z) {
  const TableInfo& info = air.info();
  if (Status s = check_frame(info, frame, inputs); !s.ok()) return s.error();
  Result<KindSums> inv = vanishing_inverses_at(info.log_rows, z);
  if (!inv.ok()) return inv.error();
  const std::vector<Fp3> powers = alpha_powers(alpha, air.constraints().size());
  const KindSums sums = air.eval_ood(frame, inputs, powers);
  Fp3 h = Fp3::zero();
  for (size_t k = 0; k < kConstraintKindCount; ++k) h += sums[k] * inv.value()[k];
  return h;
}

Fp3 combine_chunks_at(std::span<const Fp3> chunk_values, const Fp3& z, int log_rows) {
  const Fp3 z_n = z.pow(uint64_t{1} << log_rows);
  Fp3 h = Fp3::zero();
  for (size_t k = chunk_values.size(); k-- > 0;) h = h * z_n + chunk_values[k];
  return h;
}

}  // namespace baobab::air
