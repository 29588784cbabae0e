# The realcheck executable: the App, its screens and the headless driver (SDL + ImGui).
# The pack editor is native only: the web build gets editor_launch_web.cpp, which has none.
if(EMSCRIPTEN)
    set(RC_GAME_PLATFORM_SOURCES ${CMAKE_CURRENT_LIST_DIR}/../pack_opener_web.cpp
        ${CMAKE_CURRENT_LIST_DIR}/../editor_launch_web.cpp)
else()
    set(RC_GAME_PLATFORM_SOURCES ${CMAKE_CURRENT_LIST_DIR}/../pack_opener_native.cpp
        ${CMAKE_CURRENT_LIST_DIR}/../editor_launch_native.cpp
        ${CMAKE_CURRENT_LIST_DIR}/../editor_app.cpp
        ${CMAKE_CURRENT_LIST_DIR}/editor_screen.cpp)
endif()
add_library(rc_game_ui STATIC
    ${CMAKE_CURRENT_LIST_DIR}/../app.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../pack_session.cpp
    ${RC_GAME_PLATFORM_SOURCES}
    ${CMAKE_CURRENT_LIST_DIR}/../headless.cpp
    ${CMAKE_CURRENT_LIST_DIR}/widgets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/media_area.cpp
    ${CMAKE_CURRENT_LIST_DIR}/clip_controls.cpp
    ${CMAKE_CURRENT_LIST_DIR}/title_screen.cpp
    ${CMAKE_CURRENT_LIST_DIR}/question_screen.cpp
    ${CMAKE_CURRENT_LIST_DIR}/end_screen.cpp
    ${CMAKE_CURRENT_LIST_DIR}/packs_screen.cpp
    ${CMAKE_CURRENT_LIST_DIR}/settings_window.cpp
    ${CMAKE_CURRENT_LIST_DIR}/solo.cpp
    ${CMAKE_CURRENT_LIST_DIR}/progress_screen.cpp
    ${CMAKE_CURRENT_LIST_DIR}/../workshop_flow.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workshop_screens.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workshop_widgets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workshop_setup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workshop_vote.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workshop_debrief.cpp
)
target_link_libraries(rc_game_ui PUBLIC rc_game_core rc_engine)
if(TARGET rc_game_editor)
    target_link_libraries(rc_game_ui PUBLIC rc_game_editor)
endif()
if(TARGET rc_game_fetch)
    target_link_libraries(rc_game_ui PUBLIC rc_game_fetch)
endif()

add_executable(realcheck ${CMAKE_CURRENT_LIST_DIR}/../main.cpp)
target_link_libraries(realcheck PRIVATE rc_game_ui)

if(EMSCRIPTEN)
    # The browser build: link flags, subset fonts, the page (cmake/web_target.cmake).
    include(${PROJECT_SOURCE_DIR}/cmake/web_target.cmake)
else()
    # The UI font travels with the binary (fonts/ beside it), from Debian's fonts-noto-core.
    foreach(face NotoSans-Regular.ttf NotoSans-Bold.ttf NotoSansSymbols-Regular.ttf)
        if(EXISTS /usr/share/fonts/truetype/noto/${face})
            configure_file(/usr/share/fonts/truetype/noto/${face} ${CMAKE_BINARY_DIR}/fonts/${face} COPYONLY)
        else()
            message(WARNING "fonts-noto-core is not installed: ${face} missing, French text will show boxes")
        endif()
    endforeach()
endif()
