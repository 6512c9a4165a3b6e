/*
 * Entry point of a Baobab guest (DESIGN §1).
 *
 * The zkVM starts with every register zero except pc = e_entry; qemu-user
 * starts with its own Linux stack. Either way _start sets up the machine from
 * the linker script's symbols (baobab-guest.ld), then runs
 *   exit(main(0, NULL))
 * through picolibc's exit(), which runs atexit handlers and destructors
 * (flushing stdout) and ends in _exit = ecall 93.
 */
  .section .text.baobab.start, "ax", @progbits
  .globl _start
  .type _start, @function
_start:
  /* gp must be loaded without relaxation, or the linker would turn this into
     a gp-relative load of gp itself. */
  .option push
  .option norelax
  la gp, __global_pointer$
  .option pop
  la sp, __stack_top
  /* Single thread: its TLS block is the .tdata/.tbss image, used in place. */
  la tp, __tls_base

  /* Zero .tbss and .bss. Loaders zero-fill memsz beyond filesz already; this
     keeps the guest correct under any loader. */
  la t0, __bss_start
  la t1, __bss_end
1:
  bgeu t0, t1, 2f
  sw zero, 0(t0)
  addi t0, t0, 4
  j 1b
2:
  call __libc_init_array
  li a0, 0
  li a1, 0
  call main
  call exit
  /* exit() does not return. */
3:
  j 3b
  .size _start, . - _start
