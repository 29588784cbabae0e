# rc_engine: the SDL2 / SDL_image / Dear ImGui platform layer (packages found at the top).

if(EMSCRIPTEN)
    # The wasm sysroot's libimgui.a already holds both SDL backends (tools/wasm-deps).
    add_library(rc_imgui_sdlrenderer INTERFACE)
    target_link_libraries(rc_imgui_sdlrenderer INTERFACE PkgConfig::IMGUI SDL2::SDL2)
else()
    # Debian's libimgui.a has the SDL platform backend but not the SDL_Renderer one.
    set(RC_IMGUI_SDLRENDERER_SOURCE
        /usr/share/doc/libimgui-dev/examples/backends/imgui_impl_sdlrenderer.cpp
        CACHE FILEPATH "imgui_impl_sdlrenderer.cpp from Debian's libimgui-dev")
    add_library(rc_imgui_sdlrenderer STATIC ${RC_IMGUI_SDLRENDERER_SOURCE})
    target_link_libraries(rc_imgui_sdlrenderer PUBLIC PkgConfig::IMGUI SDL2::SDL2)
    target_include_directories(rc_imgui_sdlrenderer PUBLIC ${IMGUI_INCLUDEDIR}/backends)
    target_compile_options(rc_imgui_sdlrenderer PRIVATE -w)  # third-party code: not ours to fix
endif()

# The platform seam is split by file: one list per target, nothing else differs.
if(EMSCRIPTEN)
    set(RC_ENGINE_PLATFORM_SOURCES
        media/clip_player_web.cpp media/media_loader_web.cpp net/http_fetch.cpp
        platform/runner_web.cpp platform/file_picker_web.cpp platform/platform_web.cpp)
else()
    set(RC_ENGINE_PLATFORM_SOURCES
        media/clip_player_native.cpp media/media_loader_native.cpp net/http_curl.cpp
        platform/runner_native.cpp platform/file_picker_native.cpp platform/platform_native.cpp)
endif()
# rc_gif_decode: our own GIF decoder (SDL only for its surface), so the unit tests link it
# without the platform layer.
add_library(rc_gif_decode STATIC media/gif_decode.cpp)
target_include_directories(rc_gif_decode PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(rc_gif_decode PUBLIC SDL2::SDL2)

add_library(rc_engine STATIC
    gfx/click_latch.cpp
    gfx/frame_signature.cpp
    gfx/gfx.cpp
    gfx/texture.cpp
    media/clip_failed.cpp
    media/image_decode.cpp
    media/jpeg_decode.cpp
    media/media_loader.cpp
    platform/input_trickle.cpp
    platform/paths.cpp
    ${RC_ENGINE_PLATFORM_SOURCES}
)
target_include_directories(rc_engine PUBLIC ${PROJECT_SOURCE_DIR})
# libjpeg-turbo directly for scaled JPEG decoding, our own GIF decoder, SDL_image for PNG
# and WebP.
find_package(JPEG REQUIRED)
target_link_libraries(rc_engine PUBLIC JPEG::JPEG rc_gif_decode)
# The engine knows nothing of packs or quizzes: no rc_content here.
target_link_libraries(rc_engine PUBLIC rc_store rc_imgui_sdlrenderer
    SDL2_image::SDL2_image SDL2::SDL2 PkgConfig::IMGUI)
find_package(Threads REQUIRED)
if(NOT EMSCRIPTEN)
    # rc_download: pack downloads to disk (libcurl, no SDL), so the game core's library
    # and its tests link it without the platform layer. The browser keeps packs otherwise.
    add_library(rc_download STATIC net/download_curl.cpp)
    target_include_directories(rc_download PUBLIC ${PROJECT_SOURCE_DIR})
    target_link_libraries(rc_download PUBLIC CURL::libcurl Threads::Threads)
    target_link_libraries(rc_engine PUBLIC Threads::Threads CURL::libcurl rc_download)
endif()

if(NOT EMSCRIPTEN)
    # librealcheck-clips.so: clip playback with FFmpeg, a module the game loads with dlopen
    # when it meets its first clip (engine/media/clip_module.h says why), so FFmpeg's ~80
    # shared libraries are not linked at every start. It lands beside the executables of
    # the build, where clip_player_native.cpp looks for it.
    pkg_check_modules(FFMPEG REQUIRED IMPORTED_TARGET libavformat libavcodec libswscale libavutil)
    add_library(rc_clips MODULE media/clip_decoder.cpp media/clip_player_ffmpeg.cpp)
    set_target_properties(rc_clips PROPERTIES
        OUTPUT_NAME realcheck-clips
        LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON)
    target_include_directories(rc_clips PRIVATE ${PROJECT_SOURCE_DIR})
    target_link_libraries(rc_clips PRIVATE PkgConfig::FFMPEG SDL2::SDL2 Threads::Threads)
    if(NOT RC_SANITIZE)  # the sanitizers' runtime comes from the executable
        target_link_options(rc_clips PRIVATE -Wl,--no-undefined)
    endif()
    # Whatever links the engine can play clips: the module is built with it.
    add_dependencies(rc_engine rc_clips)
    target_link_libraries(rc_engine PUBLIC ${CMAKE_DL_LIBS})
endif()
