# The browser build of the `realcheck` target (included from game/screens/sources.cmake
# when EMSCRIPTEN). Emits realcheck.js + realcheck.wasm + realcheck.data (the fonts);
# the page itself is web/index.html, assembled into build/web/dist by tools/web.

# Noto Sans is ~510 KB a face: subset to what the UI draws (the same ranges as
# engine/gfx/gfx.cpp's kGlyphRanges / kArrowRanges) so the page stays under 1 MB gzip.
# Debian's fonttools; run with Debian's python (a pyenv python3 may come first on PATH).
execute_process(COMMAND /usr/bin/python3 -c "import fontTools.subset"
    RESULT_VARIABLE _rc_no_fonttools OUTPUT_QUIET ERROR_QUIET)
if(_rc_no_fonttools)
    message(FATAL_ERROR "the web build subsets fonts with Debian's python3-fonttools: "
                        "apt-get install python3-fonttools (tools/web does it)")
endif()
set(RC_FONT_SOURCE_DIR /usr/share/fonts/truetype/noto CACHE PATH "Noto fonts (fonts-noto-core)")
set(RC_WEB_FONT_DIR ${CMAKE_BINARY_DIR}/web-fonts)
set(_rc_text_unicodes "U+0020-017F,U+2010-205E,U+20AC")
set(_rc_symbol_unicodes "U+2190-2193")
set(_rc_fonts)
foreach(face NotoSans-Regular NotoSans-Bold NotoSansSymbols-Regular)
    if(face STREQUAL "NotoSansSymbols-Regular")
        set(_unicodes ${_rc_symbol_unicodes})
    else()
        set(_unicodes ${_rc_text_unicodes})
    endif()
    set(_out ${RC_WEB_FONT_DIR}/${face}.ttf)
    add_custom_command(
        OUTPUT ${_out}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${RC_WEB_FONT_DIR}
        # No hinting: ImGui's stb_truetype ignores it, and it is a third of the file.
        COMMAND /usr/bin/python3 -m fontTools.subset ${RC_FONT_SOURCE_DIR}/${face}.ttf
                --unicodes=${_unicodes} --no-hinting --desubroutinize
                --layout-features= --name-IDs= --output-file=${_out}
        DEPENDS ${RC_FONT_SOURCE_DIR}/${face}.ttf
        COMMENT "Subsetting ${face} for the web"
        VERBATIM)
    list(APPEND _rc_fonts ${_out})
endforeach()
add_custom_target(rc_web_fonts DEPENDS ${_rc_fonts})
add_dependencies(realcheck rc_web_fonts)

# Our own page loads realcheck.js: no emscripten HTML shell.
set_target_properties(realcheck PROPERTIES SUFFIX ".js" LINK_DEPENDS "${_rc_fonts}")
target_link_options(realcheck PRIVATE
    -sALLOW_MEMORY_GROWTH=1
    -sMIN_WEBGL_VERSION=1
    -sMAX_WEBGL_VERSION=2
    -sFETCH=1
    # emscripten_fetch would look in its IndexedDB before every download (~100-250 ms
    # each, and an IndexedDB open before main()): the service worker (web/sw.js) is
    # what keeps files here, and nothing asks emscripten_fetch to persist one.
    -sFETCH_SUPPORT_INDEXEDDB=0
    -sENVIRONMENT=web
    # Fonts at /fonts: SDL_GetBasePath() is "/" in the browser, so find_font finds them.
    "SHELL:--preload-file ${RC_WEB_FONT_DIR}@/fonts"
    -lidbfs.js
    # web/index.html mounts IDBFS at /data before main and reads the data download's
    # progress.
    "-sEXPORTED_RUNTIME_METHODS=['FS','addRunDependency','removeRunDependency','UTF8ToString','HEAPU8']"
    # The file picker (web/realcheck-shell.js) copies a chosen pack into the heap.
    "-sEXPORTED_FUNCTIONS=['_main','_malloc','_free','_realcheck_file_picked']")
