# CMake toolchain file for Baobab guests: RV32IM, ilp32, no compressed
# instructions, picolibc. Uses Debian's gcc-riscv64-unknown-elf (a multilib
# compiler: -march/-mabi select the rv32im/ilp32 libraries) with
# picolibc-riscv64-unknown-elf.
#
#   cmake -S my-guest -B build -DCMAKE_TOOLCHAIN_FILE=<baobab>/zkvm/guest/toolchain-rv32im.cmake
#
# Then include(<baobab>/zkvm/guest/BaobabGuest.cmake) and call
# baobab_add_guest(NAME SOURCES ...). See docs/guests.md.

set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv32)

set(BAOBAB_GUEST_TRIPLE "riscv64-unknown-elf" CACHE STRING "Prefix of the RISC-V cross tools")
find_program(BAOBAB_GUEST_GCC ${BAOBAB_GUEST_TRIPLE}-gcc REQUIRED)
find_program(BAOBAB_GUEST_GXX ${BAOBAB_GUEST_TRIPLE}-g++)
set(CMAKE_C_COMPILER ${BAOBAB_GUEST_GCC})
set(CMAKE_ASM_COMPILER ${BAOBAB_GUEST_GCC})
if(BAOBAB_GUEST_GXX)
  set(CMAKE_CXX_COMPILER ${BAOBAB_GUEST_GXX})
endif()
find_program(CMAKE_AR ${BAOBAB_GUEST_TRIPLE}-ar)
find_program(CMAKE_RANLIB ${BAOBAB_GUEST_TRIPLE}-ranlib)
find_program(CMAKE_OBJDUMP ${BAOBAB_GUEST_TRIPLE}-objdump)

# The compiler checks cannot link a bare-metal program before our crt0 exists.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

# rv32im only: the zkVM has no C (compressed), A, F or D extension. The
# multilib choice follows -march/-mabi; picolibc.specs adds picolibc's headers
# and its rv32im/ilp32 libc. Function and data sections let --gc-sections drop
# whatever a guest does not use (fewer bytes in the program id, less to load).
set(_baobab_arch "-march=rv32im -mabi=ilp32 --specs=picolibc.specs")
set(_baobab_common "${_baobab_arch} -ffunction-sections -fdata-sections -fno-common")
set(CMAKE_C_FLAGS_INIT "${_baobab_common}")
# No libstdc++ ships for this target: C++ guests are freestanding-style (no
# exceptions, RTTI or standard library headers beyond the C ones).
set(CMAKE_CXX_FLAGS_INIT "${_baobab_common} -fno-exceptions -fno-rtti -fno-threadsafe-statics")
set(CMAKE_ASM_FLAGS_INIT "${_baobab_arch}")
# Our own crt0 and linker script replace picolibc's bare-metal ones, which do
# not run under qemu-user (BaobabGuest.cmake passes -T). The link line also
# carries the language's compile flags, hence -march/-mabi/--specs once.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-nostartfiles -Wl,--gc-sections")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
