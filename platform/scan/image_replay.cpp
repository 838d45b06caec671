#include "platform/scan/image_replay.h"

#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>
#include <filesystem>

#include "kiosk/base/pause.h"

namespace kiosk::platform {
namespace {

namespace fs = std::filesystem;

struct SurfaceDeleter {
  void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};
using Surface = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

bool is_image(const fs::path& p) {
  auto ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

std::vector<fs::path> image_files(const fs::path& path) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& entry : fs::directory_iterator(path, ec))
      if (entry.is_regular_file() && is_image(entry.path())) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
  } else if (fs::exists(path, ec)) {
    files.push_back(path);
  }
  return files;
}

}  // namespace

Expected<LumaImage> load_luma_image(const std::string& path) {
  Surface loaded(IMG_Load(path.c_str()));
  if (!loaded) return Failure{path + ": cannot read image: " + IMG_GetError()};
  Surface rgb(SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_RGB24, 0));
  if (!rgb) return Failure{path + ": cannot convert image: " + SDL_GetError()};
  LumaImage image{rgb->w, rgb->h, std::vector<std::uint8_t>(static_cast<std::size_t>(rgb->w) * rgb->h)};
  const auto* base = static_cast<const std::uint8_t*>(rgb->pixels);
  for (int y = 0; y < rgb->h; ++y) {
    const auto* row = base + y * rgb->pitch;
    for (int x = 0; x < rgb->w; ++x) {
      // ITU-R BT.601 luma, as a camera's Y channel carries it.
      auto r = row[3 * x], g = row[3 * x + 1], b = row[3 * x + 2];
      image.pixels[y * rgb->w + x] = static_cast<std::uint8_t>((77 * r + 150 * g + 29 * b) >> 8);
    }
  }
  return image;
}

Status save_luma_png(const LumaImage& image, const std::string& path) {
  Surface surface(SDL_CreateRGBSurfaceWithFormat(0, image.width, image.height, 24, SDL_PIXELFORMAT_RGB24));
  if (!surface) return Failure{path + ": " + SDL_GetError()};
  auto* base = static_cast<std::uint8_t*>(surface->pixels);
  for (int y = 0; y < image.height; ++y)
    for (int x = 0; x < image.width; ++x)
      std::fill_n(base + y * surface->pitch + 3 * x, 3, image.pixels[y * image.width + x]);
  if (IMG_SavePNG(surface.get(), path.c_str()) != 0) return Failure{path + ": cannot write PNG: " + IMG_GetError()};
  return ok_status();
}

Expected<std::unique_ptr<ImageReplaySource>> ImageReplaySource::open(const std::string& path, int fps, bool loop,
                                                                     const Clock& clock, Waiter& waiter) {
  auto files = image_files(path);
  if (files.empty()) return Failure{path + ": no PNG or JPEG image there"};
  std::vector<LumaImage> frames;
  for (const auto& file : files) {
    auto image = load_luma_image(file.string());
    if (!image) return Failure{image.error()};
    frames.push_back(std::move(*image));
  }
  return std::unique_ptr<ImageReplaySource>(new ImageReplaySource(path, std::move(frames), fps, loop, clock, waiter));
}

ImageReplaySource::ImageReplaySource(std::string path, std::vector<LumaImage> frames, int fps, bool loop,
                                     const Clock& clock, Waiter& waiter)
    : path_(std::move(path)),
      frames_(std::move(frames)),
      period_(std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::seconds(1)) /
              std::max(1, fps)),
      loop_(loop),
      clock_(clock),
      waiter_(waiter),
      due_(clock.monotonic()) {}

FrameSource::Status ImageReplaySource::next(std::chrono::milliseconds timeout, const Consumer& consume) {
  if (next_index_ >= frames_.size()) {
    if (!loop_) return Status::finished;
    next_index_ = 0;
  }
  auto now = clock_.monotonic();
  // Paced like a camera: wait for the frame's turn, but never past the timeout.
  if (due_ > now + timeout) {
    pause_until(waiter_, now + timeout);
    return Status::no_frame_yet;
  }
  if (due_ > now) pause_until(waiter_, due_);
  due_ = std::max(due_ + period_, now);
  auto view = frames_[next_index_++].view();
  view.captured = clock_.monotonic();
  consume(view);
  return Status::frame;
}

std::string ImageReplaySource::describe() const {
  return "images:" + path_ + " (" + std::to_string(frames_.size()) + " images" + (loop_ ? ", looped)" : ")");
}

}  // namespace kiosk::platform
