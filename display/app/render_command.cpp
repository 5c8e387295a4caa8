// `podium render`: one slide, headless, to a PNG or as text. Also the path golden tests take.
#include "assets.hpp"
#include "bootstrap.hpp"
#include "commands.hpp"

#include "display/render/gl_context.hpp"
#include "display/render/painter.hpp"
#include "display/render/png.hpp"

#include <ctime>
#include <iostream>

namespace podium::app {

scene::LocalTime local_time(std::chrono::system_clock::time_point when) {
    const std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm tm{};
    localtime_r(&t, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min};
}

scene::LocalTime local_now() { return local_time(std::chrono::system_clock::now()); }

int command_render(const CliOptions& o) {
    const auto& r = o.render;
    auto fonts = load_bundled_fonts();
    if (!fonts) return print_error(fonts.error()), kExitFailure;
    auto snapshot = open_and_load(o.db.empty() ? default_db_path() : o.db, o.config);
    if (!snapshot) return print_error(snapshot.error()), kExitFailure;

    const scene::FontMetrics metrics(fonts.value());
    scene::SlideContext ctx;
    ctx.width = static_cast<float>(r.width);
    ctx.height = static_cast<float>(r.height);
    ctx.lang = r.lang;
    ctx.now = r.at.value_or(local_now());
    const auto view =
        scene::make_view(*snapshot.value(), r.audience, scene::PrivacySettings{}, r.lang);
    const auto list = scene::build_slide(r.slide, view, ctx, metrics);
    if (r.text) {
        std::cout << list.text_lines();
        return 0;
    }

    auto gl = render::GlContext::create({.headless = true});
    if (!gl) return print_error(gl.error()), kExitFailure;
    render::FontAtlas atlas(std::move(fonts).value());
    render::ImageCache images([](const std::string& m) { std::cerr << "podium: " << m << "\n"; });
    render::Painter painter(atlas, images);
    render::RenderTarget target(r.width, r.height);
    painter.draw(list, target);
    const render::Image image{r.width, r.height, target.read_rgba()};
    if (auto st = render::write_png(r.out, image); !st)
        return print_error(st.error()), kExitFailure;
    return 0;
}

} // namespace podium::app
