// The sbatch script (jobs/batch_script.h): the directives follow the job,
// a batch becomes a job array, and the body forwards USR1/TERM to the
// prover and requeues on its "stopped" status (75). Run under a real Slurm
// in tests/slurm/.
#include "jobs/batch_script.h"

#include <gtest/gtest.h>

#include <string>

namespace baobab::jobs {
namespace {

bool has(const std::string& text, const std::string& fragment) {
  return text.find(fragment) != std::string::npos;
}

JobSpec one_proof() {
  JobSpec spec;
  spec.name = "run1";
  spec.proofs.push_back({"/g.elf", "/in", "", "/p.bin", "/c.h5"});
  return spec;
}

TEST(BatchScript, DirectivesFollowTheJob) {
  JobSpec spec = one_proof();
  spec.nodes = 2;
  spec.tasks_per_node = 4;
  spec.gpus_per_rank = 1;
  spec.partition = "gpu";
  spec.account = "acct";
  spec.time = "02:00:00";
  spec.signal_lead_seconds = 240;
  const std::string s = batch_script(spec, {"/bin/baobab", "/logs/run1-%j.log"});
  for (const char* line :
       {"#SBATCH --job-name=run1\n", "#SBATCH --nodes=2\n", "#SBATCH --ntasks-per-node=4\n",
        "#SBATCH --gpus-per-task=1\n", "#SBATCH --partition=gpu\n", "#SBATCH --account=acct\n",
        "#SBATCH --time=02:00:00\n", "#SBATCH --signal=B:USR1@240\n", "#SBATCH --requeue\n",
        "#SBATCH --output=/logs/run1-%j.log\n"}) {
    EXPECT_TRUE(has(s, line)) << line;
  }
  EXPECT_FALSE(has(s, "--array"));
  EXPECT_TRUE(has(s, "srun --mpi=pmix \"$baobab\""));
  EXPECT_TRUE(has(s, "baobab='/bin/baobab'"));
  EXPECT_TRUE(has(s, "checkpoint='/c.h5'"));
}

TEST(BatchScript, NoOptionalDirectivesWhenUnset) {
  const std::string s = batch_script(one_proof(), {"/b", "/l"});
  EXPECT_FALSE(has(s, "--partition"));
  EXPECT_FALSE(has(s, "--account"));
  EXPECT_FALSE(has(s, "--gpus-per-task"));
  EXPECT_FALSE(has(s, "--max-cycles"));
}

TEST(BatchScript, SignalsAreForwardedAndAStopRequeues) {
  const std::string s = batch_script(one_proof(), {"/b", "/l"});
  EXPECT_TRUE(has(s, "trap 'forward USR1' USR1"));
  EXPECT_TRUE(has(s, "trap 'forward TERM' TERM"));
  EXPECT_TRUE(has(s, "kill -USR1 \"$step\""));
  EXPECT_TRUE(has(s, "  75)\n"));
  EXPECT_TRUE(has(s, "scontrol requeue \"$job\""));
  // TERM to the script (scancel) does not requeue; USR1 and a pre-emption
  // (TERM to the ranks only) do.
  EXPECT_TRUE(has(s, "if [ \"$1\" = USR1 ]; then requeue=1; else requeue=no; fi"));
  EXPECT_TRUE(has(s, "if [ \"$requeue\" != no ]; then"));
}

TEST(BatchScript, ABatchIsAJobArrayWithOneCasePerProof) {
  JobSpec spec = one_proof();
  spec.proofs.push_back({"/g.elf", "/in2", "", "/p2.bin", "/c2.h5"});
  spec.proofs.push_back({"/h.elf", "", "/priv", "/p3.bin", "/c3.h5"});
  spec.launcher = "mpirun";
  spec.max_cycles = 5000;
  const std::string s = batch_script(spec, {"/b", "/l-%A_%a.log"});
  EXPECT_TRUE(has(s, "#SBATCH --array=0-2\n"));
  EXPECT_TRUE(has(s, "  2)\n    program='/h.elf'\n"));
  EXPECT_TRUE(has(s, "private='/priv'"));
  EXPECT_TRUE(has(s, "mpirun \"$baobab\""));
  EXPECT_TRUE(has(s, "args+=(--max-cycles 5000)"));
}

TEST(BatchScript, EachProofReportsWhatTheCheckJobVerifies) {
  const std::string s = batch_script(one_proof(), {"/b", "/l"});
  EXPECT_TRUE(has(s, "--json --checkpoint"));
  EXPECT_TRUE(has(s, ">\"$output.json\" &"));
  const std::string check = check_script(one_proof(), {"/b", "/l-check-%j.log"}, "/jobs/run1.toml");
  EXPECT_TRUE(has(check, "#SBATCH --job-name=run1-check\n"));
  EXPECT_TRUE(has(check, "#SBATCH --ntasks=1\n"));
  EXPECT_TRUE(has(check, "exec '/b' check '/jobs/run1.toml'\n"));
}

}  // namespace
}  // namespace baobab::jobs
