# Helpers that give every Baobab target the same language level, warnings and
# sanitizer flags. Project code is warning-clean under -Wall -Wextra -Werror;
# third-party code never gets these flags.

set(BAOBAB_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
if(BAOBAB_WERROR)
  list(APPEND BAOBAB_WARNINGS -Werror)
endif()

if(BAOBAB_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "BAOBAB_FUZZ needs clang (CC=clang CXX=clang++)")
  endif()
  set(BAOBAB_SANITIZE ON)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(BAOBAB_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

# baobab_configure_target(<target>): flags shared by every project target.
function(baobab_configure_target target)
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "INTERFACE_LIBRARY")
    return()
  endif()
  target_compile_features(${target} PUBLIC cxx_std_20)
  target_compile_options(${target} PRIVATE $<$<COMPILE_LANGUAGE:CXX>:${BAOBAB_WARNINGS}>)
endfunction()

# baobab_add_library(<name> SOURCES ... [ISA_SOURCES_AVX2 ...] [ISA_SOURCES_AVX512 ...]
#                    DEPS ...)
# One library per folder. Files listed as ISA sources are compiled with that
# instruction set enabled and must only be called after run-time CPU detection
# (STYLE §9); everything else is compiled for the baseline x86-64 target.
function(baobab_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;ISA_SOURCES_AVX2;ISA_SOURCES_AVX512;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES} ${ARG_ISA_SOURCES_AVX2} ${ARG_ISA_SOURCES_AVX512})
  baobab_configure_target(${name})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  if(ARG_DEPS)
    target_link_libraries(${name} PUBLIC ${ARG_DEPS})
  endif()
  if(ARG_PRIVATE_DEPS)
    target_link_libraries(${name} PRIVATE ${ARG_PRIVATE_DEPS})
  endif()
  if(ARG_ISA_SOURCES_AVX2)
    set_source_files_properties(${ARG_ISA_SOURCES_AVX2} PROPERTIES COMPILE_OPTIONS "-mavx2;-mbmi2")
  endif()
  if(ARG_ISA_SOURCES_AVX512)
    # GCC 12's own avx512fintrin.h trips -W(maybe-)uninitialized (GCC bug
    # 105593: its _mm512_undefined_* helpers read themselves on purpose).
    set(_avx512_options -mavx512f -mavx512dq -mavx512vl -mavx512bw -mavx2 -mbmi2)
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      list(APPEND _avx512_options -Wno-maybe-uninitialized -Wno-uninitialized)
    endif()
    set_source_files_properties(${ARG_ISA_SOURCES_AVX512} PROPERTIES
      COMPILE_OPTIONS "${_avx512_options}")
  endif()
endfunction()
