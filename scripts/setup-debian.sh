#!/usr/bin/env bash
# Installs Baobab's build and test dependencies from Debian 12's archive only.
# Idempotent and quick when everything is present. Run as root (or with sudo).
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config git
  # pgrep/pkill for the checkpoint kill tests
  procps
  # distributed layer and checkpoints (DESIGN §4, §6)
  openmpi-bin libopenmpi-dev libhdf5-openmpi-dev hdf5-tools
  # arithmetic oracle, hashing, tests, benchmarks
  libgmp-dev libssl-dev libgtest-dev libbenchmark-dev
  # the libFuzzer build (scripts/fuzz.sh)
  clang-14 libclang-rt-14-dev libomp-14-dev
  # a real one-node Slurm for the submit tests (tests/slurm, slurm/test_cluster.sh)
  slurm-wlm munge
  # RV32IM guests and their qemu oracle (zkvm/guest, tests/zkvm/oracle)
  gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf qemu-user
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} Debian packages already installed"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
echo "setup: installing ${missing[*]}"
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
