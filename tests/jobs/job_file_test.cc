// The job file's TOML subset (jobs/job_file.h): what it accepts, the
// defaults, batches, and the errors a typo gets (with its line).
#include "jobs/job_file.h"

#include <gtest/gtest.h>

#include <string>

namespace baobab::jobs {
namespace {

TEST(JobFile, OneProofWithEveryKey) {
  auto spec = parse_job_file(R"(# a comment
name = "big-run"
program = "guest.elf"   # trailing comment
input = "in.bin"
private = "secret.bin"
output = "proof.bin"
checkpoint = "run.h5"
profile = "conjectured-100"
nodes = 4
tasks_per_node = 8
gpus_per_rank = 1
time = "1-12:00:00"
partition = "gpu"
account = "zk.team"
launcher = "mpirun"
signal_lead_seconds = 600
max_cycles = 1000000
verify = false
)");
  ASSERT_TRUE(spec.ok()) << spec.error().to_string();
  const JobSpec& s = spec.value();
  EXPECT_EQ(s.name, "big-run");
  ASSERT_EQ(s.proofs.size(), 1u);
  EXPECT_EQ(s.proofs[0].program, "guest.elf");
  EXPECT_EQ(s.proofs[0].private_input, "secret.bin");
  EXPECT_EQ(s.ranks(), 32u);
  EXPECT_EQ(s.gpus_per_rank, 1u);
  EXPECT_EQ(s.time, "1-12:00:00");
  EXPECT_EQ(s.launcher, "mpirun");
  EXPECT_EQ(s.signal_lead_seconds, 600u);
  EXPECT_EQ(s.max_cycles, 1000000u);
  EXPECT_FALSE(s.verify);
}

TEST(JobFile, DefaultsAndEscapes) {
  auto spec = parse_job_file("program = \"a \\\"b\\\".elf\"\noutput = \"p\"\ncheckpoint = \"c\"\n");
  ASSERT_TRUE(spec.ok()) << spec.error().to_string();
  EXPECT_EQ(spec.value().proofs[0].program, "a \"b\".elf");
  EXPECT_EQ(spec.value().profile, "proven-100");
  EXPECT_EQ(spec.value().ranks(), 1u);
  EXPECT_EQ(spec.value().launcher, "srun");
  EXPECT_TRUE(spec.value().verify);
}

TEST(JobFile, ABatchIsOneProofPerEntryWithTheSharedProgram) {
  auto spec = parse_job_file(R"(program = "g.elf"
tasks_per_node = 2
[[batch]]
input = "a"
output = "pa"
checkpoint = "ca"
[[batch]]
program = "other.elf"
output = "pb"
checkpoint = "cb"
)");
  ASSERT_TRUE(spec.ok()) << spec.error().to_string();
  ASSERT_EQ(spec.value().proofs.size(), 2u);
  EXPECT_EQ(spec.value().proofs[0].program, "g.elf");
  EXPECT_EQ(spec.value().proofs[0].input, "a");
  EXPECT_EQ(spec.value().proofs[1].program, "other.elf");
  EXPECT_EQ(spec.value().proofs[1].input, "");
}

void expect_error(const std::string& text, const std::string& fragment) {
  auto spec = parse_job_file(text);
  ASSERT_FALSE(spec.ok()) << "accepted: " << text;
  EXPECT_NE(spec.error().to_string().find(fragment), std::string::npos)
      << spec.error().to_string() << " lacks " << fragment;
}

TEST(JobFile, MistakesAreErrorsNamingTheLine) {
  const std::string ok = "program = \"g\"\noutput = \"p\"\ncheckpoint = \"c\"\n";
  expect_error(ok + "nodse = 2\n", "line 4: unknown key 'nodse'");
  expect_error(ok + "nodes = \"2\"\n", "line 4: 'nodes' takes an integer");
  expect_error(ok + "nodes = 2\nnodes = 3\n", "line 5: 'nodes' given twice");
  expect_error(ok + "nodes = 0\n", "nodes must be");
  expect_error(ok + "verify = yes\n", "line 4: a value must be");
  expect_error(ok + "time = \"soon\"\n", "not a Slurm time limit");
  expect_error(ok + "launcher = \"ssh\"\n", "launcher must be");
  expect_error(ok + "name = \"a b\"\n", "letters, digits");
  expect_error(ok + "[job]\n", "unknown table [job]");
  expect_error(ok + "input = \"unterminated\n", "closing quote");
  expect_error(ok + "input = \"x\" extra\n", "unexpected text after the value");
  expect_error(ok + "max_cycles = 99999999999999999999999\n", "past 2^64");
  expect_error("program = \"g\"\ncheckpoint = \"c\"\n", "names no output");
  expect_error("program = \"g\"\noutput = \"p\"\n", "names no checkpoint");
  expect_error("program = \"it's.elf\"\noutput = \"p\"\ncheckpoint = \"c\"\n", "quote or newline");
  expect_error(
      "program = \"g\"\n[[batch]]\noutput = \"p\"\ncheckpoint = \"c\"\n[[batch]]\n"
      "output = \"p\"\ncheckpoint = \"d\"\n",
      "same output");
  expect_error("program = \"g\"\noutput = \"p\"\n[[batch]]\noutput = \"q\"\ncheckpoint = \"c\"\n",
               "belongs to each [[batch]] entry");
  expect_error("[[batch]]\nnodes = 2\n", "belongs before the first [[batch]]");
}

TEST(JobFile, RelativePathsAreTakenFromTheJobFilesFolder) {
  auto spec = parse_job_file("program = \"g.elf\"\noutput = \"/abs/p\"\ncheckpoint = \"x/../c\"\n");
  ASSERT_TRUE(spec.ok());
  JobSpec s = spec.value();
  resolve_paths(s, "/work/jobs");
  EXPECT_EQ(s.proofs[0].program, "/work/jobs/g.elf");
  EXPECT_EQ(s.proofs[0].output, "/abs/p");
  EXPECT_EQ(s.proofs[0].checkpoint, "/work/jobs/c");
  EXPECT_EQ(s.proofs[0].input, "");
}

}  // namespace
}  // namespace baobab::jobs
