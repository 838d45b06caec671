#pragma once
// Registering again by WhatsApp: the link a QR code on the screen opens on
// the applicant's phone, with the message template already typed in.
#include <string>
#include <string_view>

namespace kiosk {

// https://wa.me/<number>?text=<template, percent-encoded (RFC 3986 unreserved
// characters kept)>. `number` is digits with the country code, no "+".
std::string whatsapp_link(std::string_view number, std::string_view message);

std::string percent_encode(std::string_view text);

}  // namespace kiosk
