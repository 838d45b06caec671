#include "kiosk/checkin/journal_chain.h"

#include <algorithm>

#include "kiosk/base/sha256_hex.h"

namespace kiosk {
namespace {

void append_netstring(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ',';
}

std::string unix_text(Seconds instant) { return std::to_string(instant.time_since_epoch().count()); }

}  // namespace

ChainEntry chain_entry(const CheckinRecord& record, long long seq) {
  return ChainEntry{seq,          record.event_id,       record.kiosk_id,   record.code,
                    record.mode,  record.queue_number,   record.scanned_at, record.decided_at,
                    record.time_verified, record.priority};
}

std::string chain_encoding(std::string_view previous_hash, const ChainEntry& entry) {
  std::string out;
  append_netstring(out, "kiosk-journal-v1");
  append_netstring(out, previous_hash);
  append_netstring(out, std::to_string(entry.seq));
  append_netstring(out, entry.event_id);
  append_netstring(out, entry.kiosk_id);
  append_netstring(out, entry.code);
  append_netstring(out, to_string(entry.mode));
  append_netstring(out, entry.queue_number);
  append_netstring(out, unix_text(entry.scanned_at));
  append_netstring(out, unix_text(entry.decided_at));
  append_netstring(out, entry.time_verified ? "1" : "0");
  append_netstring(out, entry.priority ? "1" : "0");
  return out;
}

std::string chain_hash(std::string_view previous_hash, const ChainEntry& entry) {
  return sha256_hex(chain_encoding(previous_hash, entry));
}

bool is_chain_hash(std::string_view text) {
  return text.size() == kChainGenesis.size() &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace kiosk
