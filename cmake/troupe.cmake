# Build conventions shared by every Troupe target.
#
#   troupe_core_library(name SOURCES...)   pure logic: no CAF, no I/O
#   troupe_actor_library(name SOURCES...)  CAF actors, with precompiled CAF headers
#   troupe_check_cores()                   fails the configure step if a core
#                                          target reaches CAF through its links

find_program(TROUPE_CCACHE ccache)
if(TROUPE_CCACHE)
  # Precompiled headers need these sloppiness settings to be cacheable.
  set(CMAKE_CXX_COMPILER_LAUNCHER
      ${CMAKE_COMMAND} -E env
      "CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime"
      ${TROUPE_CCACHE})
endif()

add_compile_options(-Wall -Wextra -Werror)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 false positives: at -O2 and above inside library templates,
  # -Wrestrict in std::string concatenation (GCC bug 105651) and
  # -Wmaybe-uninitialized in CAF 0.17's data_processor::fill_range; and
  # -Wmissing-field-initializers on C++20 designated initializers that
  # rightly leave members at their defaults (GCC bug 96868).
  add_compile_options(-Wno-restrict -Wno-maybe-uninitialized -Wno-missing-field-initializers)
endif()
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  # Aggregates initialised in part rightly leave the rest at their defaults.
  add_compile_options(-Wno-missing-field-initializers)
endif()
if(TROUPE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "TROUPE_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
if(TROUPE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# CAF ships no CMake or pkg-config files (STACK.md): link by name.
add_library(troupe_caf INTERFACE)
target_link_libraries(troupe_caf INTERFACE caf_io caf_core Threads::Threads)

set_property(GLOBAL PROPERTY TROUPE_CORE_TARGETS "")

function(troupe_core_library name)
  add_library(${name} STATIC ${ARGN})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  set_property(GLOBAL APPEND PROPERTY TROUPE_CORE_TARGETS ${name})
endfunction()

function(troupe_actor_library name)
  add_library(${name} STATIC ${ARGN})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC troupe_caf)
  target_precompile_headers(${name} REUSE_FROM troupe_caf_pch)
endfunction()

# One target owns the CAF precompiled header; actor targets reuse it so the
# ~4 s CAF parse happens once per build configuration.
add_library(troupe_caf_pch STATIC ${CMAKE_CURRENT_LIST_DIR}/caf_pch.cpp)
target_link_libraries(troupe_caf_pch PUBLIC troupe_caf)
target_precompile_headers(troupe_caf_pch PRIVATE <caf/all.hpp> <caf/io/all.hpp>)

function(_troupe_collect_links target out_var)
  set(seen "")
  set(queue ${target})
  while(queue)
    list(POP_FRONT queue current)
    if(current IN_LIST seen)
      continue()
    endif()
    list(APPEND seen ${current})
    if(TARGET ${current})
      get_target_property(links ${current} LINK_LIBRARIES)
      get_target_property(ilinks ${current} INTERFACE_LINK_LIBRARIES)
      foreach(link IN LISTS links ilinks)
        if(link AND NOT link MATCHES "-NOTFOUND$")
          list(APPEND queue ${link})
        endif()
      endforeach()
    endif()
  endwhile()
  set(${out_var} ${seen} PARENT_SCOPE)
endfunction()

function(troupe_check_cores)
  get_property(cores GLOBAL PROPERTY TROUPE_CORE_TARGETS)
  foreach(core IN LISTS cores)
    _troupe_collect_links(${core} reached)
    foreach(link IN LISTS reached)
      if(link MATCHES "^(caf_|troupe_caf)")
        message(FATAL_ERROR "pure core ${core} links CAF through ${link}")
      endif()
    endforeach()
  endforeach()
  list(LENGTH cores count)
  message(STATUS "troupe: ${count} pure core targets, none links CAF")
endfunction()

# `troupe` and the gateway bench client allocate with tcmalloc (gperftools'
# minimal build): the API server and store allocate and free many short
# strings and JSON nodes across threads, where glibc's malloc spent ~19% of
# the control process's CPU (bench/gateway). Sanitizer and fuzz builds keep
# their own allocator.
function(troupe_link_allocator target)
  if(TROUPE_SANITIZE OR TROUPE_FUZZ)
    return()
  endif()
  find_library(TROUPE_TCMALLOC tcmalloc_minimal REQUIRED)
  target_link_libraries(${target} PRIVATE ${TROUPE_TCMALLOC})
endfunction()
