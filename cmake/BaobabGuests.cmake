# Builds the RV32IM guests with the RISC-V cross toolchain, when it is present.
#
# The main build uses the host compiler; guests need riscv64-unknown-elf-gcc
# and picolibc. zkvm/guest/CMakeLists.txt is therefore a project of its own,
# configured with zkvm/guest/toolchain-rv32im.cmake and built from here as an
# ExternalProject (target baobab_guests, part of `all`). Every guest lands in
#   ${BAOBAB_GUEST_BIN_DIR}/<name>.elf
# Sets BAOBAB_GUESTS_AVAILABLE and BAOBAB_QEMU_RISCV32 (the oracle, may be
# NOTFOUND) for the tests.

find_program(BAOBAB_RISCV_GCC riscv64-unknown-elf-gcc)
find_program(BAOBAB_QEMU_RISCV32 qemu-riscv32)
set(BAOBAB_GUEST_BIN_DIR ${CMAKE_BINARY_DIR}/guests)
set(BAOBAB_GUESTS_AVAILABLE OFF)

if(BAOBAB_RISCV_GCC)
  # picolibc is a separate package: -print-file-name echoes the bare name when
  # the file is missing.
  execute_process(COMMAND ${BAOBAB_RISCV_GCC} -print-file-name=picolibc.specs
                  OUTPUT_VARIABLE _baobab_specs OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(IS_ABSOLUTE "${_baobab_specs}" AND EXISTS "${_baobab_specs}")
    set(BAOBAB_GUESTS_AVAILABLE ON)
  endif()
endif()

if(NOT BAOBAB_GUESTS_AVAILABLE)
  message(STATUS "Guests: riscv64-unknown-elf-gcc with picolibc not found; the example guests "
                 "and oracle tests are skipped (scripts/setup-debian.sh installs them)")
  return()
endif()
message(STATUS "Guests: building RV32IM guests with ${BAOBAB_RISCV_GCC} into ${BAOBAB_GUEST_BIN_DIR}")

# Test-only guest folders are built by the same guest project.
set(_baobab_guest_extra_dirs "")
if(BAOBAB_BUILD_TESTS)
  list(APPEND _baobab_guest_extra_dirs ${PROJECT_SOURCE_DIR}/tests/zkvm/oracle/guests)
endif()
string(REPLACE ";" "|" _baobab_guest_extra_dirs "${_baobab_guest_extra_dirs}")

include(ExternalProject)
ExternalProject_Add(baobab_guests
  SOURCE_DIR ${PROJECT_SOURCE_DIR}/zkvm/guest
  BINARY_DIR ${CMAKE_BINARY_DIR}/zkvm/guest-build
  LIST_SEPARATOR |
  CMAKE_ARGS
    -DCMAKE_TOOLCHAIN_FILE=${PROJECT_SOURCE_DIR}/zkvm/guest/toolchain-rv32im.cmake
    -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_RUNTIME_OUTPUT_DIRECTORY=${BAOBAB_GUEST_BIN_DIR}
    -DBAOBAB_GUEST_EXTRA_DIRS=${_baobab_guest_extra_dirs}
  INSTALL_COMMAND ""
  # The guest project tracks its own sources; always ask it.
  BUILD_ALWAYS ON)
