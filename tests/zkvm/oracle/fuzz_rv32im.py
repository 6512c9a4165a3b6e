#!/usr/bin/env python3
"""Differential fuzzer: random RV32IM programs under qemu-riscv32 and `baobab run`.

Each program (seeded, reproducible) sets all registers to random values, points
t6 (x31) at the middle of a random 1 KiB scratch area, runs a few hundred random
instructions -- every RV32IM ALU and M instruction, byte/half/word loads and
stores into the scratch area, lui/auipc, forward branches and jumps, writes to
x0 -- then stores all 32 registers and an FNV-1a digest of the scratch area,
writes those 132 bytes to fd 1 and exits with the digest's low 7 bits. The
program is assembled and linked with the guest linker script; qemu and baobab
must agree on the output bytes and the exit code.

  fuzz_rv32im.py --qemu Q --baobab B --linker-script L [--seed S] [--count N]
                 [--only I] [--keep DIR] [--jobs J]

Exit status: 0 all agree, 1 a mismatch (the program is kept and named),
77 skipped (a tool is missing).
"""
import argparse
import concurrent.futures
import os
import random
import shutil
import subprocess
import sys
import tempfile

R_OPS = ["add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
         "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"]
I_OPS = ["addi", "slti", "sltiu", "xori", "ori", "andi"]
SHIFT_OPS = ["slli", "srli", "srai"]
LOADS = {"lb": 1, "lbu": 1, "lh": 2, "lhu": 2, "lw": 4}
STORES = {"sb": 1, "sh": 2, "sw": 4}
BRANCHES = ["beq", "bne", "blt", "bge", "bltu", "bgeu"]
SCRATCH = 1024
BASE = "x31"  # t6: the scratch pointer, never a destination


def interesting(rng):
    return rng.choice([0, 1, 2, 31, 32, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE,
                       0x8000, 0xFFFF8000, 0x80, rng.getrandbits(32), rng.getrandbits(32),
                       rng.getrandbits(32), rng.getrandbits(5), rng.getrandbits(12)])


def src(rng):
    return "x%d" % rng.randrange(31)  # any register but the base, x0 included


def dst(rng):
    return "x%d" % (0 if rng.random() < 0.05 else rng.randrange(1, 31))


def imm12(rng):
    return rng.choice([0, 1, -1, 2047, -2048, rng.randrange(-2048, 2048)])


def generate(seed, index):
    """Returns the assembly text of program `index` of the run with `seed`."""
    rng = random.Random((seed << 32) ^ index)
    lines = [".section .text", ".globl _start", "_start:"]
    for r in range(1, 31):
        lines.append("  li x%d, %d" % (r, interesting(rng)))
    lines.append("  la %s, scratch + %d" % (BASE, SCRATCH // 2))
    count = rng.randrange(100, 400)
    label = 0
    pending = []  # (instructions left, label number) for forward branches
    for _ in range(count):
        kind = rng.random()
        if kind < 0.35:
            lines.append("  %s %s, %s, %s" % (rng.choice(R_OPS), dst(rng), src(rng), src(rng)))
        elif kind < 0.55:
            lines.append("  %s %s, %s, %d" % (rng.choice(I_OPS), dst(rng), src(rng), imm12(rng)))
        elif kind < 0.62:
            lines.append("  %s %s, %s, %d" % (rng.choice(SHIFT_OPS), dst(rng), src(rng),
                                               rng.randrange(32)))
        elif kind < 0.66:
            lines.append("  %s %s, %d" % (rng.choice(["lui", "auipc"]), dst(rng),
                                          rng.getrandbits(20)))
        elif kind < 0.78:
            op, size = rng.choice(list(LOADS.items()))
            offset = rng.randrange(-SCRATCH // 2, SCRATCH // 2, size)
            lines.append("  %s %s, %d(%s)" % (op, dst(rng), offset, BASE))
        elif kind < 0.90:
            op, size = rng.choice(list(STORES.items()))
            offset = rng.randrange(-SCRATCH // 2, SCRATCH // 2, size)
            lines.append("  %s %s, %d(%s)" % (op, src(rng), offset, BASE))
        elif kind < 0.97:
            label += 1
            lines.append("  %s %s, %s, .Lf%d" % (rng.choice(BRANCHES), src(rng), src(rng), label))
            pending.append([rng.randrange(1, 8), label])
        else:
            label += 1
            lines.append("  jal %s, .Lf%d" % (dst(rng), label))
            pending.append([rng.randrange(1, 4), label])
        for p in pending:
            p[0] -= 1
        for p in [p for p in pending if p[0] <= 0]:
            lines.append(".Lf%d:" % p[1])
            pending.remove(p)
    for p in pending:
        lines.append(".Lf%d:" % p[1])
    # Epilogue: dump x0..x31 right after the scratch area (base + SCRATCH/2),
    # then an FNV-1a digest of the scratch area; write the 132 bytes to fd 1.
    dump = SCRATCH // 2
    lines += ["  sw x%d, %d(%s)" % (r, dump + 4 * r, BASE) for r in range(32)]
    lines += ["  addi x5, %s, %d" % (BASE, -SCRATCH // 2), "  addi x6, %s, %d" % (BASE, dump),
              "  li x7, 0x811c9dc5", "  li x8, 16777619",
              "1:", "  lbu x9, 0(x5)", "  xor x7, x7, x9", "  mul x7, x7, x8",
              "  addi x5, x5, 1", "  bltu x5, x6, 1b",
              "  sw x7, %d(%s)" % (dump + 128, BASE),
              "  li a0, 1", "  addi a1, %s, %d" % (BASE, dump), "  li a2, 132", "  li a7, 64",
              "  ecall",
              "  andi a0, x7, 127", "  li a7, 93", "  ecall"]
    data = [".section .data", ".balign 16", "scratch:"]
    data += ["  .word " + ", ".join("0x%08x" % rng.getrandbits(32) for _ in range(8))
             for _ in range(SCRATCH // 32)]
    data += ["dump:", "  .space 132"]
    return "\n".join(lines + data) + "\n"


def run_one(args, work, index):
    """Builds and runs program `index`; returns None or a failure description."""
    stem = os.path.join(work, "p%d" % index)
    with open(stem + ".S", "w") as f:
        f.write(generate(args.seed, index))
    subprocess.run([args.tool_prefix + "as", "-march=rv32im", "-mabi=ilp32", stem + ".S",
                    "-o", stem + ".o"], check=True)
    subprocess.run([args.tool_prefix + "ld", "-m", "elf32lriscv", "-T", args.linker_script, stem + ".o",
                    "-o", stem + ".elf"], check=True)
    q = subprocess.run([args.qemu, "-cpu", "rv32,c=false", stem + ".elf"],
                       stdin=subprocess.DEVNULL, capture_output=True)
    b = subprocess.run([args.baobab, "run", stem + ".elf", "--output", stem + ".out", "--json"],
                       stdin=subprocess.DEVNULL, capture_output=True)
    problem = None
    if b.returncode != 0:
        problem = "baobab run failed (status %d): %s" % (b.returncode, b.stderr.decode()[-500:])
    else:
        text = b.stdout.decode()
        code = int(text.split('"exit_code":')[1].split(",")[0].split("}")[0])
        with open(stem + ".out", "rb") as f:
            out = f.read()
        if code & 255 != q.returncode:
            problem = "exit code: qemu %d, baobab %d" % (q.returncode, code)
        elif out != q.stdout:
            regs = [i for i in range(32) if out[4 * i:4 * i + 4] != q.stdout[4 * i:4 * i + 4]]
            problem = "output differs (registers %s%s)" % (
                regs, ", memory digest" if out[128:] != q.stdout[128:] else "")
    if problem is None:
        for ext in (".S", ".o", ".elf", ".out"):
            if os.path.exists(stem + ext):
                os.remove(stem + ext)
    return problem


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--qemu", required=True)
    parser.add_argument("--baobab", required=True)
    parser.add_argument("--linker-script", required=True)
    parser.add_argument("--tool-prefix", default="riscv64-unknown-elf-")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--only", type=int, help="run just this program index")
    parser.add_argument("--keep", help="directory for the programs (kept)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    for tool in (args.qemu, args.tool_prefix + "as", args.tool_prefix + "ld"):
        if not shutil.which(tool):
            print("SKIP: %s not found (scripts/setup-debian.sh installs it)" % tool)
            return 77
    work = args.keep or tempfile.mkdtemp(prefix="baobab-fuzz-")
    os.makedirs(work, exist_ok=True)
    indices = [args.only] if args.only is not None else range(args.count)
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = pool.map(lambda i: (i, run_one(args, work, i)), indices)
        for index, problem in results:
            if problem:
                failures.append(index)
                print("MISMATCH seed %d program %d: %s\n  kept %s/p%d.S; rerun with "
                      "--seed %d --only %d --keep DIR" % (args.seed, index, problem, work, index,
                                                         args.seed, index))
    print("%d programs, seed %d: %d mismatches" % (len(indices), args.seed, len(failures)))
    if not failures and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
