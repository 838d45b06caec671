#include "platform/screen/layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk::platform {
namespace {

using Kind = Element::Kind;
using Role = Element::Role;

// Dark ink on white, white on dark fills: every pair well above 7:1.
constexpr Color kPaper{255, 255, 255};
constexpr Color kInk{17, 17, 17};
constexpr Color kPrimary{23, 49, 122};
constexpr Color kSuccess{20, 83, 45};
constexpr Color kProblem{127, 29, 29};
constexpr Color kQuiet{232, 232, 232};
constexpr Color kQuietInk{51, 51, 51};
constexpr Color kCamera{34, 34, 34};

// Physical sizes, millimetres. A little above the rules (7.5 mm capitals,
// 20 mm buttons, 12 mm keys) so that rounding to pixels never falls short.
constexpr double kBodyCapMm = 7.5;
constexpr double kBodyCapShare = 0.048;  // of the display's short side, on big displays
constexpr double kButtonMm = 20.3;
constexpr double kKeyMm = 12.05;
constexpr double kKeyMaxMm = 26;
constexpr double kNumberCapMm = 42;
constexpr double kMarginMm = 2;
constexpr double kGapMm = 1.4;
constexpr double kKeyGapMm = 0.4;
// A technician's page (ViewModel::dense): read from arm's length by someone
// who came to read it, so more fits; touch targets stay at the keys' 12 mm.
constexpr double kDenseCapMm = 2.4;
constexpr double kDenseCapShare = 0.018;

struct Metrics {
  int margin_x, margin_y, gap;
  int body_px, title_px, entry_px;
  int body_line, title_line;
  int button_h, button_min_w, pad;
  int key_w, key_h, key_gap;
};

Metrics metrics_for(const Display& d, FontSet& f, bool dense) {
  Metrics m{};
  double short_mm = std::min(d.width_mm, d.height_mm);
  double cap_mm = dense ? std::max(kDenseCapMm, short_mm * kDenseCapShare) : std::max(kBodyCapMm, short_mm * kBodyCapShare);
  int cap = static_cast<int>(std::ceil(cap_mm * d.px_per_mm_y()));
  m.body_px = f.size_for_cap(Face::regular, cap);
  m.title_px = f.size_for_cap(Face::bold, cap);
  m.entry_px = f.size_for_cap(Face::mono, cap * 5 / 4);
  m.body_line = f.line_height(Face::regular, m.body_px);
  m.title_line = f.line_height(Face::bold, m.title_px);
  m.margin_x = d.mm_x(kMarginMm);
  m.margin_y = d.mm_y(kMarginMm);
  m.gap = d.mm_y(kGapMm);
  m.pad = d.mm_x(2);
  double button_mm = dense ? kKeyMm : kButtonMm;
  m.button_h = std::max(static_cast<int>(std::ceil(button_mm * d.px_per_mm_y())), m.body_line * 9 / 5);
  m.button_min_w = static_cast<int>(std::ceil(button_mm * d.px_per_mm_x()));
  m.key_w = static_cast<int>(std::ceil(kKeyMm * d.px_per_mm_x()));
  m.key_h = std::max(static_cast<int>(std::ceil(kKeyMm * d.px_per_mm_y())), m.body_line * 5 / 4);
  m.key_gap = std::max(1, d.mm_x(kKeyGapMm));
  return m;
}

Color tone_color(Tone tone) {
  switch (tone) {
    case Tone::success: return kSuccess;
    case Tone::problem: return kProblem;
    case Tone::neutral: break;
  }
  return kPrimary;
}

// How much of a view to leave out or make smaller to fit a small display.
struct Squeeze {
  bool short_labels = false;
  bool actions_in_keypad = false;
  bool header = true;
  bool qr = true;  // a QR code beside a verdict (the registration screen keeps its own)
  double number = 1;  // share of the largest queue number that fits
  std::size_t drop_lines = 0;  // from the end
  bool title = true;
};

class Builder {
 public:
  Builder(const ViewModel& view, const Display& display, FontSet& fonts)
      : view_(view), d_(display), f_(fonts), m_(metrics_for(display, fonts, view.dense)) {
    out_.display = display;
    out_.background = kPaper;
  }

  Layout run(const Squeeze& squeeze) {
    squeeze_ = squeeze;
    squeeze_.actions_in_keypad = squeeze.actions_in_keypad && !view_.keypad.empty();
    Rect area{m_.margin_x, m_.margin_y, d_.width - 2 * m_.margin_x, d_.height - 2 * m_.margin_y};
    if (view_.warning) {
      warning(area);
      return std::move(out_);
    }
    if (squeeze_.header) header(area);
    else if (!view_.clock.empty()) out_.dropped.push_back(view_.office + " " + view_.clock);
    if (!squeeze_.actions_in_keypad) bar(area, view_.buttons);
    body(area);
    return std::move(out_);
  }

 private:
  int add(Element e) {
    out_.elements.push_back(std::move(e));
    return static_cast<int>(out_.elements.size()) - 1;
  }

  void overflow(std::string what) { out_.overflow.push_back(std::move(what)); }

  // One line of text at (x, y); returns its element.
  int text(int x, int y, const std::string& s, Face face, int px, Role role, Color fg, Color bg, int parent = -1) {
    Element e;
    e.kind = Kind::text;
    e.role = role;
    e.text = s;
    e.face = face;
    e.px = px;
    e.cap = f_.cap_height(face, px);
    e.fg = fg;
    e.bg = bg;
    e.parent = parent;
    e.rect = Rect{x, y, f_.width(face, px, s), f_.line_height(face, px)};
    return add(std::move(e));
  }

  // Greedy word wrap; a word wider than the line is cut by characters.
  std::vector<std::string> wrap(const std::string& s, Face face, int px, int width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t pos = 0;
    while (pos < s.size()) {
      auto end = s.find(' ', pos);
      if (end == std::string::npos) end = s.size();
      auto word = s.substr(pos, end - pos);
      auto candidate = line.empty() ? word : line + " " + word;
      if (!line.empty() && f_.width(face, px, candidate) > width) {
        lines.push_back(line);
        line = word;
      } else {
        line = candidate;
      }
      pos = end + 1;
    }
    if (!line.empty()) lines.push_back(line);
    for (const auto& l : lines)
      if (f_.width(face, px, l) > width) overflow("text wider than its column: " + l);
    return lines;
  }

  // A box with a label in the middle.
  const std::string& label_of(const ViewButton& b) const {
    return squeeze_.short_labels && !b.short_label.empty() ? b.short_label : b.label;
  }
  Face face_of(const ViewButton& b) const { return b.primary ? Face::bold : Face::regular; }

  void box(Rect r, const ViewButton& b, Kind kind, int px) {
    Face face = face_of(b);
    const auto& label = label_of(b);
    Element e;
    e.kind = kind;
    e.rect = r;
    e.button = b;
    bool filled = b.primary || b.on;
    e.bg = !b.enabled ? kQuiet : filled ? kPrimary : kPaper;
    e.fg = !b.enabled ? kQuietInk : filled ? kPaper : kInk;
    int parent = add(e);
    int w = f_.width(face, px, label);
    int h = f_.line_height(face, px);
    if (w > r.w - 2 || h > r.h) overflow("label larger than its button: " + label);
    text(r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, label, face, px, Role::label, e.fg, e.bg, parent);
  }

  int label_width(const ViewButton& b) { return f_.width(face_of(b), m_.body_px, label_of(b)); }

  int natural_width(const ViewButton& b) {
    return std::max(m_.button_min_w, f_.width(face_of(b), m_.body_px, label_of(b)) + 2 * m_.pad);
  }

  // Buttons in rows along the bottom, each row filling the width.
  void bar(Rect& area, const std::vector<ViewButton>& buttons) {
    if (buttons.empty()) return;
    std::vector<std::vector<const ViewButton*>> rows(1);
    int used = 0;
    for (const auto& b : buttons) {
      int w = natural_width(b);
      if (!rows.back().empty() && used + m_.gap + w > area.w) {
        rows.emplace_back();
        used = 0;
      }
      used += (rows.back().empty() ? 0 : m_.gap) + w;
      rows.back().push_back(&b);
    }
    int height = static_cast<int>(rows.size()) * m_.button_h + (static_cast<int>(rows.size()) - 1) * m_.gap;
    int y = area.bottom() - height;
    for (const auto& row : rows) {
      place_row(row, Rect{area.x, y, area.w, m_.button_h});
      y += m_.button_h + m_.gap;
    }
    area.h -= height + m_.gap;
  }

  void place_row(const std::vector<const ViewButton*>& row, Rect r) {
    int natural = 0;
    for (auto* b : row) natural += natural_width(*b);
    int spare = r.w - natural - m_.gap * (static_cast<int>(row.size()) - 1);
    int x = r.x;
    for (std::size_t i = 0; i < row.size(); ++i) {
      int w = natural_width(*row[i]) + spare / static_cast<int>(row.size());
      if (i + 1 == row.size()) w = r.right() - x;
      box(Rect{x, r.y, w, r.h}, *row[i], Kind::button, m_.body_px);
      x += w + m_.gap;
    }
  }

  // Office name, date and time, and the offline word, on welcome: on one
  // row when they fit, else on as many as they need.
  void header(Rect& area) {
    if (view_.office.empty() && view_.clock.empty()) return;
    int h = m_.body_line;
    int y = area.y;
    int clock_w = f_.width(Face::regular, m_.body_px, view_.clock);
    int badge_w = view_.offline.empty() ? 0 : f_.width(Face::regular, m_.body_px, view_.offline) + 2 * m_.pad;
    int x = area.x;  // where the row's left-hand items end
    auto next_row = [&] {
      y += h + m_.gap;
      x = area.x;
    };
    auto room = [&](int w) { return x + w + m_.gap + clock_w <= area.right(); };
    if (!view_.office.empty()) {
      auto lines = wrap(view_.office, Face::bold, m_.body_px, area.w);
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) next_row();
        text(area.x, y, lines[i], Face::bold, m_.body_px, Role::header, kInk, kPaper);
        x = area.x + f_.width(Face::bold, m_.body_px, lines[i]) + m_.gap;
      }
      if (!room(0)) next_row();
    }
    if (badge_w) {
      if (!room(badge_w)) next_row();
      Element badge;
      badge.kind = Kind::badge;
      badge.rect = Rect{x, y, badge_w, h};
      badge.bg = kQuiet;
      int parent = add(badge);
      text(x + m_.pad, y, view_.offline, Face::regular, m_.body_px, Role::header, kInk, kQuiet, parent);
      x += badge_w + m_.gap;
      if (!room(0)) next_row();
    }
    text(area.right() - clock_w, y, view_.clock, Face::regular, m_.body_px, Role::header, kInk, kPaper);
    y += h + m_.gap;
    area.h -= y - area.y;
    area.y = y;
  }

  // Camera or QR code beside the text (landscape) or above it (portrait).
  bool side(Rect& area) {
    bool qr = !view_.qr_payload.empty() && (squeeze_.qr || view_.screen == ScreenId::registration);
    if (!view_.qr_payload.empty() && !qr) out_.dropped.push_back("QR " + view_.qr_payload);
    if (!qr && !view_.camera) return false;
    Element e;
    e.kind = qr ? Kind::qr : Kind::camera;
    e.qr_payload = view_.qr_payload;
    e.scan = view_.scan;
    e.bg = qr ? kPaper : kCamera;
    e.fg = qr ? kInk : kPaper;
    if (!d_.portrait()) {
      int share = d_.width_mm > 250 ? 48 : 33;  // a small panel needs the room for the words
      int w = qr ? std::min(area.h, area.w * 45 / 100) : std::min(area.h * 4 / 3, area.w * share / 100);
      int h = qr ? w : w * 3 / 4;
      e.rect = Rect{area.x, area.y + (area.h - h) / 2, w, h};
      area.x += w + 2 * m_.gap;
      area.w -= w + 2 * m_.gap;
    } else {
      int h = qr ? std::min(area.w, area.h * 45 / 100) : std::min(area.w * 3 / 4, area.h * 45 / 100);
      int w = qr ? h : std::min(area.w, h * 4 / 3);
      e.rect = Rect{area.x + (area.w - w) / 2, area.y, w, h};
      area.y += h + 2 * m_.gap;
      area.h -= h + 2 * m_.gap;
    }
    add(e);
    return true;
  }

  // The title with its icon, then the number, the entry, the lines and the
  // keypad, centred in what is left.
  void body(Rect area) {
    side(area);
    int start = static_cast<int>(out_.elements.size());
    int y = area.y;
    if (squeeze_.title) y = title(area, y);
    else out_.dropped.push_back(view_.title);
    y = number(area, y);
    y = entry(area, y);
    auto kept = view_.lines.size() - std::min(view_.lines.size(), squeeze_.drop_lines);
    for (std::size_t i = 0; i < view_.lines.size(); ++i) {
      if (i < kept) y = paragraph(area, y, view_.lines[i]);
      else out_.dropped.push_back(view_.lines[i]);
    }
    y = keypad(area, y);
    int used = y - area.y - m_.gap;
    if (used > area.h) overflow("the content is taller than the screen (" + std::to_string(used) + " of " +
                                std::to_string(area.h) + " px)");
    int shift = std::max(0, (area.h - used) / 2);
    for (auto i = static_cast<std::size_t>(start); i < out_.elements.size(); ++i) out_.elements[i].rect.y += shift;
  }

  int title(Rect area, int y) {
    if (view_.title.empty()) return y;
    // A picture (the glare tip's) is two title lines high, unless that
    // leaves the title more than three lines; a glyph is one.
    int icon = view_.icon == Icon::none ? 0 : view_.icon == Icon::tilt_phone ? 2 * m_.title_line : m_.title_line;
    int x = area.x + (icon ? icon + m_.gap : 0);
    auto lines = wrap(view_.title, Face::bold, m_.title_px, area.right() - x);
    if (icon > m_.title_line && lines.size() > 3) {
      icon = m_.title_line;
      x = area.x + icon + m_.gap;
      lines = wrap(view_.title, Face::bold, m_.title_px, area.right() - x);
    }
    int top = y;
    if (icon) {
      Element e;
      e.kind = Kind::icon;
      e.icon = view_.icon;
      e.rect = Rect{area.x, y, icon, icon};
      e.bg = tone_color(view_.tone);
      e.fg = kPaper;
      add(e);
    }
    for (const auto& line : lines) {
      text(x, y, line, Face::bold, m_.title_px, Role::title, kInk, kPaper);
      y += m_.title_line;
    }
    return std::max(y, top + icon) + m_.gap;
  }

  int paragraph(Rect area, int y, const std::string& s) {
    for (const auto& line : wrap(s, Face::regular, m_.body_px, area.w)) {
      text(area.x, y, line, Face::regular, m_.body_px, Role::body, kInk, kPaper);
      y += m_.body_line;
    }
    return y + m_.gap;
  }

  // The queue number: capitals of 42 mm, smaller only if the width runs out.
  int number(Rect area, int y) {
    if (view_.queue_number.empty()) return y;
    int cap = static_cast<int>(kNumberCapMm * d_.px_per_mm_y());
    int px = f_.size_for_cap(Face::bold, cap);
    while (px > 8 && f_.width(Face::bold, px, view_.queue_number) > area.w) --px;
    px = static_cast<int>(px * squeeze_.number);
    cap = f_.cap_height(Face::bold, px);
    int pad = std::max(2, cap / 12);
    Element e;
    e.kind = Kind::text;
    e.role = Role::number;
    e.text = view_.queue_number;
    e.face = Face::bold;
    e.px = px;
    e.cap = cap;
    e.tight = true;
    e.fg = kInk;
    e.bg = kPaper;
    int w = f_.width(Face::bold, px, view_.queue_number);
    e.rect = Rect{area.x + (area.w - w) / 2, y, w, cap + 2 * pad};
    add(e);
    return e.rect.bottom() + m_.gap;
  }

  int entry(Rect area, int y) {
    if (view_.entry.empty()) return y;
    Element field;
    field.kind = Kind::field;
    int w = f_.width(Face::mono, m_.entry_px, view_.entry) + 2 * m_.pad;
    int h = f_.line_height(Face::mono, m_.entry_px) + m_.gap;
    field.rect = Rect{area.x, y, std::min(w, area.w), h};
    field.bg = kPaper;
    field.fg = kInk;
    int parent = add(field);
    text(area.x + m_.pad, y + m_.gap / 2, view_.entry, Face::mono, m_.entry_px, Role::entry, kInk, kPaper, parent);
    return y + h + m_.gap;
  }

  int keypad(Rect area, int y) {
    if (view_.keypad.empty()) return y;
    int key_w = m_.key_w, key_h = m_.key_h, gap = m_.key_gap;
    int cols = std::max(1, (area.w + gap) / (key_w + gap));
    cols = std::min(cols, view_.keypad.size() <= 10 ? 10 : 12);
    int max_w = static_cast<int>(kKeyMaxMm * d_.px_per_mm_x());
    key_w = std::min(max_w, (area.w - (cols - 1) * gap) / cols);
    int left = area.x;
    int x = left, col = 0;
    for (const auto& k : view_.keypad) {
      box(Rect{x, y, key_w, key_h}, k, Kind::key, m_.body_px);
      x += key_w + gap;
      if (++col == cols) {
        col = 0;
        x = left;
        y += key_h + gap;
      }
    }
    if (col != 0) y += key_h + gap;
    if (!squeeze_.actions_in_keypad) return y + m_.gap;
    // A small display: the actions are keys of the keypad too, in one row,
    // each as wide as its label needs and the row as wide as the keypad.
    int n = static_cast<int>(view_.buttons.size());
    int row_w = cols * (key_w + gap) - gap;
    int natural = 0;
    for (const auto& b : view_.buttons) natural += label_width(b) + m_.pad;
    int spare = (row_w - natural - (n - 1) * gap) / n;
    x = left;
    for (const auto& b : view_.buttons) {
      int w = label_width(b) + m_.pad + spare;
      box(Rect{x, y, w, key_h}, b, Kind::key, m_.body_px);
      x += w + gap;
    }
    return y + key_h + m_.gap;
  }

  void warning(Rect area) {
    Rect r = area;
    bar(r, {view_.warning->extend});
    Element icon;
    auto saved = view_.title;
    int y = r.y;
    int x = r.x + m_.title_line + m_.gap;
    icon.kind = Kind::icon;
    icon.icon = Icon::clock;
    icon.rect = Rect{r.x, y, m_.title_line, m_.title_line};
    icon.bg = kProblem;
    icon.fg = kPaper;
    add(icon);
    for (const auto& line : wrap(view_.warning->text, Face::bold, m_.title_px, r.right() - x)) {
      text(x, y, line, Face::bold, m_.title_px, Role::title, kInk, kPaper);
      y += m_.title_line;
    }
    if (y > r.bottom()) overflow("the warning is taller than the screen");
  }

  const ViewModel& view_;
  const Display d_;
  FontSet& f_;
  const Metrics m_;
  Layout out_;
  Squeeze squeeze_;
};

}  // namespace

Layout lay_out(const ViewModel& view, const Display& display, FontSet& fonts) {
  Squeeze squeeze;
  auto layout = Builder(view, display, fonts).run(squeeze);
  auto attempt = [&] {
    if (layout.overflow.empty()) return false;
    layout = Builder(view, display, fonts).run(squeeze);
    return true;
  };
  squeeze.short_labels = true;
  attempt();
  // Too little room for a keypad and a row of 20 mm buttons: the actions
  // become keys of the keypad.
  squeeze.actions_in_keypad = true;
  attempt();
  squeeze.header = false;
  attempt();
  squeeze.qr = false;
  attempt();
  // The title and what to do next matter more than the last millimetres of
  // a number that could not reach its full size anyway.
  squeeze.number = 0.7;
  attempt();
  while (squeeze.drop_lines < view.lines.size()) {
    ++squeeze.drop_lines;
    if (!attempt()) break;
  }
  squeeze.title = false;
  attempt();
  return layout;
}

std::optional<ViewButton> button_at(const Layout& layout, int x, int y) {
  for (const auto& e : layout.elements)
    if (e.button && e.rect.contains(x, y)) return e.button;
  return std::nullopt;
}

}  // namespace kiosk::platform
