#include "kiosk/checkin/verdict.h"

#include "kiosk/base/enum_names.h"

namespace kiosk {
namespace {

constexpr EnumNames<Verdict, 15> kNames{{{
    {Verdict::admitted, "admitted"},
    {Verdict::too_early, "too_early"},
    {Verdict::late, "late"},
    {Verdict::wrong_date, "wrong_date"},
    {Verdict::wrong_office, "wrong_office"},
    {Verdict::cancelled, "cancelled"},
    {Verdict::expired, "expired"},
    {Verdict::not_for_queue, "not_for_queue"},
    {Verdict::not_found, "not_found"},
    {Verdict::already_checked_in, "already_checked_in"},
    {Verdict::invalid_code, "invalid_code"},
    {Verdict::bad_signature, "bad_signature"},
    {Verdict::birth_date_mismatch, "birth_date_mismatch"},
    {Verdict::birth_date_required, "birth_date_required"},
    {Verdict::kiosk_error, "kiosk_error"},
}}};

}  // namespace

std::string_view to_string(Verdict verdict) { return kNames.name(verdict); }
std::optional<Verdict> verdict_from(std::string_view text) { return kNames.parse(text); }

}  // namespace kiosk
