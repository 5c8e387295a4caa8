// `podium render`: one slide, headless, to a PNG or as text. Also the path golden tests take.
#include "assets.hpp"
#include "bootstrap.hpp"
#include "commands.hpp"
#include "device.hpp"
#include "overlay_host.hpp"

#include "display/render/gl.hpp"
#include "display/render/gl_context.hpp"
#include "display/render/painter.hpp"
#include "display/render/png.hpp"

#include <iostream>

namespace podium::app {

int command_render(const CliOptions& o) {
    const auto& r = o.render;
    auto fonts = load_bundled_fonts();
    if (!fonts) return print_error(fonts.error()), kExitFailure;
    auto store = open_store_to_read(o.db.empty() ? default_db_path() : o.db, o.config);
    if (!store) return print_error(store.error()), kExitFailure;
    auto snapshot = store.value().load_snapshot();
    if (!snapshot) return print_error(snapshot.error()), kExitFailure;
    // The device's privacy, text size and score weights, as the screen would use them.
    const Device device = load_device(store.value());
    for (const auto& p : device.problems) std::cerr << "podium: " << p << "\n";

    const scene::FontMetrics metrics(fonts.value());
    scene::SlideContext ctx;
    ctx.width = static_cast<float>(r.width);
    ctx.height = static_cast<float>(r.height);
    ctx.lang = r.lang;
    ctx.now = r.at.value_or(to_slide_time(device.zone.local(
        std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()))));
    ctx.text_scale = device.settings.text_size;
    ctx.weights = device.settings.score_weights;
    const auto view =
        scene::make_view(*snapshot.value(), r.audience, device.settings.privacy, r.lang);
    const scene::Theme theme =
        device.settings.theme == scene::ThemeName::light ? scene::light_theme() : scene::Theme{};
    const auto list = scene::build_slide(r.slide, view, ctx, metrics, theme);
    if (r.text) {
        std::cout << list.text_lines();
        return 0;
    }

    auto gl = render::GlContext::create({.headless = true});
    if (!gl) return print_error(gl.error()), kExitFailure;
    const FontFiles atlas_fonts = fonts.value(); // the overlay's context bakes its own
    render::FontAtlas atlas(std::move(fonts).value());
    render::ImageCache images([](const std::string& m) { std::cerr << "podium: " << m << "\n"; });
    render::Painter painter(atlas, images);
    render::RenderTarget target(r.width, r.height);
    // Photos decode on the cache's worker; a one-off render waits for them (bounded).
    (void)images.wait(images.request_all(list), std::chrono::seconds(5));
    painter.draw(list, target);
    if (r.overlay) {
        // The overlay as the admin sees it, unlocked, over the slide: its model from the store,
        // as on the screen; the privacy tab previews this slide for visitors.
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        std::vector<sync::AuditEntry> audit;
        std::vector<sync::PlayEntry> plays;
        auto model = store_model(store.value(), device, now, audit, plays);
        model.status.playing = std::string(scene::slide_kind_name(r.slide)) + " (podium render)";
        model.status.audience = std::string(scene::audience_name(r.audience));
        // assign(1, '-'), not = "-": GCC 12 at -O3 warns wrongly (-Wstringop-overflow) on the latter.
        model.status.uptime.assign(1, '-');
        model.status.frames.assign(1, '-');
        render::RenderTarget preview(r.width, r.height, render::Sampling::scaled);
        const auto public_view = scene::make_view(*snapshot.value(), scene::Audience::visitors,
                                                  device.settings.privacy, r.lang);
        const auto public_list = scene::build_slide(r.slide, public_view, ctx, metrics, theme);
        painter.draw(public_list, preview);
        model.preview = {preview.texture(), r.width, r.height, {}};
        overlay::OverlayContext overlay_ctx(atlas_fonts[0], atlas_fonts[2]);
        if (!overlay_ctx.attach_gl()) return print_error(Error{"the overlay's GL backend did not start"}), kExitFailure;
        overlay::AdminOverlay admin;
        admin.open_unlocked(now, model, *r.overlay);
        // A few frames: the first lays the window out, the next ones draw it settled.
        for (int i = 0; i < 3; ++i) {
            painter.draw(list, target);
            glBindFramebuffer(GL_FRAMEBUFFER, target.framebuffer());
            overlay_ctx.frame(r.width, r.height, 1.0f / 30.0f, [&](ImFont* body, ImFont* heading) {
                admin.set_fonts(body, heading);
                (void)admin.frame(model);
            });
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
        }
    }
    const render::Image image{r.width, r.height, target.read_rgba()};
    if (auto st = render::write_png(r.out, image); !st)
        return print_error(st.error()), kExitFailure;
    return 0;
}

} // namespace podium::app
