#pragma once
// assets/strings/*.json compiled into the program (see CMakeLists.txt here).
namespace kiosk::platform {
extern const char* const k_strings_id_json;
extern const char* const k_strings_en_json;
extern const char* const k_strings_speech_json;  // platform/audio/speech_words.h reads it
}  // namespace kiosk::platform
