# Guest-side CMake support: include() this from a CMake project configured with
# toolchain-rv32im.cmake. It defines the guest runtime (crt0, system calls,
# stdio streams, baobab/guest.h) and
#
#   baobab_add_guest(<name> SOURCES <files>... [LIBRARIES <targets>...]
#                    [STACK_SIZE <bytes>])
#
# which builds <name>.elf: an RV32IM executable that runs under `baobab run`
# and qemu-riscv32. See docs/guests.md.

include_guard(GLOBAL)

set(BAOBAB_GUEST_DIR ${CMAKE_CURRENT_LIST_DIR})
set(BAOBAB_GUEST_LINKER_SCRIPT ${BAOBAB_GUEST_DIR}/baobab-guest.ld)

get_property(_baobab_languages GLOBAL PROPERTY ENABLED_LANGUAGES)
if(NOT "ASM" IN_LIST _baobab_languages)
  enable_language(ASM)
endif()

# An object library, not an archive: libc refers back to our read/write/sbrk
# and stdout after our objects have been seen, which an archive placed before
# -lc would not satisfy. --gc-sections drops whatever is unused.
add_library(baobab_guest_runtime OBJECT ${BAOBAB_GUEST_DIR}/runtime/crt0.S
                                        ${BAOBAB_GUEST_DIR}/runtime/syscalls.c)
target_include_directories(baobab_guest_runtime PUBLIC ${BAOBAB_GUEST_DIR}/include)
target_compile_options(baobab_guest_runtime PRIVATE -Wall -Wextra)
# operator new/delete for C++ guests (there is no libstdc++ for this target).
if("CXX" IN_LIST _baobab_languages)
  add_library(baobab_guest_cxx OBJECT ${BAOBAB_GUEST_DIR}/runtime/cxx_support.cc)
  target_compile_options(baobab_guest_cxx PRIVATE -Wall -Wextra)
endif()

function(baobab_add_guest name)
  cmake_parse_arguments(ARG "" "STACK_SIZE" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "baobab_add_guest(${name}): SOURCES is required")
  endif()
  add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES SUFFIX ".elf" LINK_DEPENDS ${BAOBAB_GUEST_LINKER_SCRIPT})
  target_compile_features(${name} PRIVATE c_std_11)
  target_compile_options(${name} PRIVATE $<$<COMPILE_LANGUAGE:C,CXX>:-Wall -Wextra>)
  target_link_libraries(${name} PRIVATE baobab_guest_runtime ${ARG_LIBRARIES})
  # Link with the C driver: g++ would ask for the missing libstdc++.
  set_target_properties(${name} PROPERTIES LINKER_LANGUAGE C)
  foreach(source IN LISTS ARG_SOURCES)
    if(source MATCHES "\\.(cc|cpp|cxx|C)$")
      target_link_libraries(${name} PRIVATE baobab_guest_cxx)
      break()
    endif()
  endforeach()
  # -T as a driver option (not -Wl,-T) so picolibc.specs leaves out its own script.
  target_link_options(${name} PRIVATE -T${BAOBAB_GUEST_LINKER_SCRIPT} -Wl,-Map=$<TARGET_FILE:${name}>.map)
  if(ARG_STACK_SIZE)
    target_link_options(${name} PRIVATE -Wl,--defsym=__stack_size=${ARG_STACK_SIZE})
  endif()
endfunction()
