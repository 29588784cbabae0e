# cmake/web.cmake — CMake toolchain file for realcheck's WebAssembly build.
#
# Use it INSTEAD of `emcmake` (it wraps emscripten's own toolchain file):
#
#   cmake -S . -B build/web -G Ninja -DCMAKE_BUILD_TYPE=Release \
#         -DCMAKE_TOOLCHAIN_FILE=cmake/web.cmake [-DRC_WASM_SYSROOT=<prefix>]
#   cmake --build build/web
#
# What it adds to emscripten's toolchain:
# - points every find_package/find_library/find_path and pkg-config at the
#   dependency prefix built by tools/wasm-deps (SDL2, SDL2_image, imgui, libwebp,
#   nlohmann_json...). Without -DRC_WASM_SYSROOT (or the RC_WASM_SYSROOT environment
#   variable) it runs `tools/wasm-deps --print-prefix` at each configure: instant
#   when the prefix is cached, otherwise it builds it first (~15-25 min, once);
# - works around the pitfalls of this Debian 12 machine (see TOOLCHAIN.md): a
#   NodeSource Node.js that does not search /usr/share/nodejs (emscripten's acorn;
#   every -O1+ link fails without NODE_PATH), Node 20 flags for the emulator, and
#   a pyenv python3 first on PATH (slow emcc). Build-time calls get the same
#   environment through compiler/linker launchers, so plain `cmake --build` works.
#
# Then, in CMakeLists.txt (same code as natively for most of it):
#   find_package(SDL2 CONFIG REQUIRED)          -> SDL2::SDL2-static (SDL2::SDL2 natively)
#   find_package(SDL2_image CONFIG REQUIRED)    -> SDL2_image::SDL2_image-static
#   find_package(nlohmann_json 3 CONFIG REQUIRED) -> nlohmann_json::nlohmann_json
#   find_package(imgui CONFIG REQUIRED)         -> imgui::imgui (web prefix only; natively
#                                                  use pkg_check_modules(imgui))
#   find_package(WebP CONFIG REQUIRED)          -> WebP::webp, WebP::webpdemux, WebP::libwebpmux
#   pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip) -> PkgConfig::LIBZIP, as
#                                                  natively (the prefix's libzip.pc names
#                                                  zlib publicly: static link), or
#                                                  find_package(libzip CONFIG) -> libzip::zip
#   or pkg_check_modules(... IMPORTED_TARGET imgui libwebpdemux) — pkg-config only
#   sees the prefix's .pc files here.
# Link options the web target needs are the game's business (e.g. -sALLOW_MEMORY_GROWTH=1
# -sMIN_WEBGL_VERSION=1 -sMAX_WEBGL_VERSION=2 -sFETCH=1); no -sUSE_SDL=2 ports.

# try_compile() re-reads this file in a nested project: reuse the parent's answer
# instead of running tools/wasm-deps again for every check.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES RC_WASM_SYSROOT)

if(NOT RC_WASM_SYSROOT AND DEFINED ENV{RC_WASM_SYSROOT})
    set(RC_WASM_SYSROOT "$ENV{RC_WASM_SYSROOT}")
endif()
if(NOT RC_WASM_SYSROOT)
    message(STATUS "realcheck web: tools/wasm-deps --print-prefix (builds the dependency prefix if not cached)")
    execute_process(
        COMMAND "${CMAKE_CURRENT_LIST_DIR}/../tools/wasm-deps" --print-prefix
        OUTPUT_VARIABLE RC_WASM_SYSROOT
        OUTPUT_STRIP_TRAILING_WHITESPACE
        RESULT_VARIABLE _rc_wasm_deps_result)
    if(NOT _rc_wasm_deps_result EQUAL 0)
        message(FATAL_ERROR "tools/wasm-deps failed (exit ${_rc_wasm_deps_result}); see its output above")
    endif()
endif()
if(NOT EXISTS "${RC_WASM_SYSROOT}/lib/cmake/SDL2")
    message(FATAL_ERROR "RC_WASM_SYSROOT='${RC_WASM_SYSROOT}' is not a tools/wasm-deps prefix")
endif()

# Debian's emcc/em++/emar/em-config are `exec python3 ...` wrappers that honour
# EMSDK_PYTHON: use Debian's python directly, not whatever python3 is first on PATH
# (a pyenv shim made every emcc call ~2.5x slower here).
if(EXISTS /usr/bin/python3)
    set(ENV{EMSDK_PYTHON} /usr/bin/python3)
    set(_rc_env_python "EMSDK_PYTHON=/usr/bin/python3")
endif()

# emcmake's default emulator passes --experimental-wasm-threads, which Node 20
# rejects; Node 20's built-in fetch breaks emscripten 3.1.6 output under node.
if(NOT DEFINED CMAKE_CROSSCOMPILING_EMULATOR)
    find_program(RC_NODE_EXECUTABLE NAMES node nodejs REQUIRED)
    set(CMAKE_CROSSCOMPILING_EMULATOR "${RC_NODE_EXECUTABLE};--no-experimental-fetch")
endif()

if(NOT EMSCRIPTEN_ROOT_PATH)
    set(EMSCRIPTEN_ROOT_PATH "/usr/share/emscripten")
endif()
include("${EMSCRIPTEN_ROOT_PATH}/cmake/Modules/Platform/Emscripten.cmake")

# The prefix comes FIRST: emscripten's own sysroot (also a root path) ships an
# sdl2-config.cmake that maps to the -sUSE_SDL=2 port, which downloads from GitHub.
list(PREPEND CMAKE_FIND_ROOT_PATH "${RC_WASM_SYSROOT}")
list(PREPEND CMAKE_PREFIX_PATH "${RC_WASM_SYSROOT}")
# Belt and braces for the same reason (also used by SDL2_image's and imgui's configs).
if(NOT DEFINED SDL2_DIR)
    set(SDL2_DIR "${RC_WASM_SYSROOT}/lib/cmake/SDL2")
endif()

# pkg-config must never return the host's (x86_64) flags and libraries.
set(ENV{PKG_CONFIG_LIBDIR} "${RC_WASM_SYSROOT}/lib/pkgconfig:${RC_WASM_SYSROOT}/share/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")

# emcc runs Debian's acorn-based JS optimiser from node at -O1+ links. Configure-time
# links (try_compile) see this process's environment; build-time links go through
# a launcher, so `cmake --build` / `ninja` work from any shell.
set(ENV{NODE_PATH} "/usr/share/nodejs")
set(CMAKE_C_LINKER_LAUNCHER /usr/bin/env ${_rc_env_python} NODE_PATH=/usr/share/nodejs)
set(CMAKE_CXX_LINKER_LAUNCHER /usr/bin/env ${_rc_env_python} NODE_PATH=/usr/share/nodejs)
if(_rc_env_python AND NOT DEFINED CMAKE_C_COMPILER_LAUNCHER AND NOT DEFINED CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_C_COMPILER_LAUNCHER /usr/bin/env ${_rc_env_python})
    set(CMAKE_CXX_COMPILER_LAUNCHER /usr/bin/env ${_rc_env_python})
endif()
