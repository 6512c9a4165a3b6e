#include "jobs/batch_script.h"

namespace baobab::jobs {

namespace {

// `s` in single quotes (job_file.cc refuses quotes and newlines in values).
std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

void directive(std::string& out, const std::string& option) {
  out.append("#SBATCH ").append(option).append("\n");
}

}  // namespace

std::string batch_script(const JobSpec& spec, const ScriptSettings& settings) {
  std::string s;
  s.append("#!/bin/bash\n");
  s.append("# Written by `baobab submit` for job '")
      .append(spec.name)
      .append("' (docs/slurm.md).\n");
  s.append("# Read and adapt it; `baobab submit --dry-run` prints it without submitting.\n");
  directive(s, "--job-name=" + spec.name);
  directive(s, "--nodes=" + std::to_string(spec.nodes));
  directive(s, "--ntasks-per-node=" + std::to_string(spec.tasks_per_node));
  directive(s, "--time=" + spec.time);
  if (!spec.partition.empty()) directive(s, "--partition=" + spec.partition);
  if (!spec.account.empty()) directive(s, "--account=" + spec.account);
  if (spec.gpus_per_rank > 0) directive(s, "--gpus-per-task=" + std::to_string(spec.gpus_per_rank));
  if (spec.memory_per_node_gib > 0) {
    directive(s, "--mem=" + std::to_string(spec.memory_per_node_gib) + "G");
  }
  // USR1 to the batch shell this long before the time limit: the prover
  // stops after the phase under way, the script requeues the job.
  directive(s, "--signal=B:USR1@" + std::to_string(spec.signal_lead_seconds));
  directive(s, "--requeue");
  directive(s, "--open-mode=append");
  directive(s, "--output=" + settings.log_file);
  if (spec.proofs.size() > 1) {
    directive(s, "--array=0-" + std::to_string(spec.proofs.size() - 1));
  }
  s.append("set -u\n");
  s.append("baobab=").append(quoted(settings.baobab)).append("\n");
  s.append("case \"${SLURM_ARRAY_TASK_ID:-0}\" in\n");
  for (size_t i = 0; i < spec.proofs.size(); ++i) {
    const ProofEntry& e = spec.proofs[i];
    s.append("  ").append(std::to_string(i)).append(")\n");
    s.append("    program=").append(quoted(e.program)).append("\n");
    s.append("    input=").append(quoted(e.input)).append("\n");
    s.append("    private=").append(quoted(e.private_input)).append("\n");
    s.append("    output=").append(quoted(e.output)).append("\n");
    s.append("    checkpoint=").append(quoted(e.checkpoint)).append("\n");
    s.append("    ;;\n");
  }
  s.append(
      "  *) echo \"baobab job: no proof for array task $SLURM_ARRAY_TASK_ID\" >&2; exit 2 ;;\n");
  s.append("esac\n");
  s.append("args=(prove \"$program\" -o \"$output\" --json --checkpoint \"$checkpoint\" --profile ")
      .append(quoted(spec.profile))
      .append(")\n");
  s.append("[ -n \"$input\" ] && args+=(--input \"$input\")\n");
  s.append("[ -n \"$private\" ] && args+=(--private \"$private\")\n");
  if (spec.max_cycles != 0) {
    s.append("args+=(--max-cycles ").append(std::to_string(spec.max_cycles)).append(")\n");
  }
  s.append(R"sh(job="${SLURM_ARRAY_JOB_ID:+${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}}"
job="${job:-$SLURM_JOB_ID}"
echo "baobab job $job: run $((${SLURM_RESTART_COUNT:-0} + 1)) on $SLURM_NNODES node(s), proof $output"
step=
requeue=0
# USR1 (Slurm's warning before the time limit, or sent by hand) or TERM
# (scancel): the prover's ranks agree to stop after the phase under way
# (exit 75). A pre-emption signals the ranks (TERM), not this shell. After
# USR1 or a pre-emption the job is requeued; after TERM here it is not.
forward() {
  echo "baobab job $job: $1 received, asking the prover to checkpoint and stop"
  if [ "$1" = USR1 ]; then requeue=1; else requeue=no; fi
  [ -n "$step" ] && kill -USR1 "$step" 2>/dev/null
}
trap 'forward USR1' USR1
trap 'forward TERM' TERM
)sh");
  if (spec.launcher == "mpirun") {
    s.append("mpirun \"$baobab\" \"${args[@]}\" >\"$output.json\" &\n");
  } else {
    s.append("srun --mpi=pmix \"$baobab\" \"${args[@]}\" >\"$output.json\" &\n");
  }
  s.append(R"sh(step=$!
while true; do
  wait "$step"
  status=$?
  kill -0 "$step" 2>/dev/null || break  # wait was cut short by a signal
done
case "$status" in
  0) echo "baobab job $job: proof written to $output" ;;
  75)
    # Stopped after a checkpointed phase: requeue unless this shell got
    # TERM (scancel, or the time limit without the USR1 warning).
    if [ "$requeue" != no ]; then
      echo "baobab job $job: stopped after a checkpointed phase; requeueing (the next run resumes)"
      scontrol requeue "$job"
      exit 0
    fi
    echo "baobab job $job: ended by Slurm after a checkpointed phase (submit again to resume)"
    ;;
  *) echo "baobab job $job: baobab prove exited with status $status" ;;
esac
exit "$status"
)sh");
  return s;
}

std::string check_script(const JobSpec& spec, const ScriptSettings& settings,
                         const std::string& job_file) {
  std::string s;
  s.append("#!/bin/bash\n");
  s.append("# Written by `baobab submit`: verifies the proofs of job '")
      .append(spec.name)
      .append("' once it has ended (docs/slurm.md).\n");
  directive(s, "--job-name=" + spec.name + "-check");
  directive(s, "--ntasks=1");
  directive(s, "--time=00:30:00");
  if (!spec.partition.empty()) directive(s, "--partition=" + spec.partition);
  if (!spec.account.empty()) directive(s, "--account=" + spec.account);
  directive(s, "--output=" + settings.log_file);
  s.append("exec ").append(quoted(settings.baobab)).append(" check ").append(quoted(job_file));
  s.append("\n");
  return s;
}

}  // namespace baobab::jobs
