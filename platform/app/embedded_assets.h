#pragma once
// Files of assets/ compiled into the program (see CMakeLists.txt here).
namespace kiosk::platform {
extern const char* const k_kiosk_default_json;
extern const char* const k_demo_office_json;
extern const char* const k_strings_speech_json;  // platform/audio/speech_words.h reads it
}  // namespace kiosk::platform
