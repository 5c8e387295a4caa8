#include "compositor.hpp"

#include "gl.hpp"

#include <cstdio>

namespace podium::render {
namespace {

constexpr const char* kVertex = R"(#version 150
in vec2 position;
in vec2 coord;
out vec2 uv;
void main() {
    uv = coord;
    gl_Position = vec4(position, 0.0, 1.0);
}
)";

// The colour comes from the texture alone (times a constant): what llvmpipe's linear path takes.
constexpr const char* kCopy = R"(#version 150
uniform sampler2D slide;
in vec2 uv;
out vec4 color;
void main() {
    color = texture(slide, uv);
}
)";

constexpr const char* kFade = R"(#version 150
uniform sampler2D slide;
uniform vec4 strength;
in vec2 uv;
out vec4 color;
void main() {
    color = texture(slide, uv) * strength;
}
)";

GLuint compile(GLenum kind, const char* source) {
    const GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok) return shader;
    char log[512] = {};
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "podium: a compositor shader does not compile: %s\n", log);
    glDeleteShader(shader);
    return 0;
}

GLuint link(const char* fragment_source) {
    const GLuint vertex = compile(GL_VERTEX_SHADER, kVertex);
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, fragment_source);
    GLuint program = 0;
    if (vertex && fragment) {
        program = glCreateProgram();
        glAttachShader(program, vertex);
        glAttachShader(program, fragment);
        glBindAttribLocation(program, 0, "position");
        glBindAttribLocation(program, 1, "coord");
        glBindFragDataLocation(program, 0, "color");
        glLinkProgram(program);
        GLint ok = 0;
        glGetProgramiv(program, GL_LINK_STATUS, &ok);
        if (ok) {
            glUseProgram(program);
            glUniform1i(glGetUniformLocation(program, "slide"), 0);
            glUseProgram(0);
        } else {
            char log[512] = {};
            glGetProgramInfoLog(program, sizeof log, nullptr, log);
            std::fprintf(stderr, "podium: the compositor's shaders do not link: %s\n", log);
            glDeleteProgram(program);
            program = 0;
        }
    }
    if (vertex) glDeleteShader(vertex);
    if (fragment) glDeleteShader(fragment);
    return program;
}

} // namespace

Compositor::Compositor() {
    copy_ = link(kCopy);
    fade_ = link(kFade);

    if (fade_) fade_strength_ = glGetUniformLocation(fade_, "strength");

    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vbo_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
    glBufferData(GL_ARRAY_BUFFER, 6 * 4 * sizeof(float), nullptr, GL_STREAM_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float),
                          reinterpret_cast<const void*>(2 * sizeof(float)));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

Compositor::~Compositor() {
    glDeleteBuffers(1, &vbo_);
    glDeleteVertexArrays(1, &vao_);
    if (copy_) glDeleteProgram(copy_);
    if (fade_) glDeleteProgram(fade_);
}

void Compositor::begin(unsigned framebuffer, int width, int height) {
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
    glViewport(0, 0, width, height);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_BLEND);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vbo_);
}

void Compositor::draw(const Quad& q, float strength) {
    // Two triangles sharing a diagonal, wound the other way round from the corners' order: with
    // slides upright (corners clockwise on the output) that is counter-clockwise, which
    // llvmpipe takes as one rectangle (measured: 2 ms against 7 a 1080p copy, the other way).
    static constexpr int kOrder[6] = {3, 2, 1, 3, 1, 0};
    float vertices[6 * 4];
    for (int i = 0; i < 6; ++i) {
        const int c = kOrder[i];
        vertices[i * 4 + 0] = q.corners[c][0];
        vertices[i * 4 + 1] = q.corners[c][1];
        vertices[i * 4 + 2] = q.uv[c][0];
        vertices[i * 4 + 3] = q.uv[c][1];
    }
    glBufferSubData(GL_ARRAY_BUFFER, 0, sizeof vertices, vertices);
    glBindTexture(GL_TEXTURE_2D, q.texture);
    if (strength >= 1.0f) {
        glDisable(GL_BLEND);
        glUseProgram(copy_);
    } else {
        // Slides are opaque: the texture times `strength` in every channel is the incoming
        // slide with its alpha premultiplied, over what is there at 1 - strength.
        glEnable(GL_BLEND);
        glBlendEquation(GL_FUNC_ADD);
        glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glUseProgram(fade_);
        glUniform4f(fade_strength_, strength, strength, strength, strength);
    }
    glDrawArrays(GL_TRIANGLES, 0, 6);
}

void Compositor::end() {
    glDisable(GL_BLEND);
    glUseProgram(0);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

} // namespace podium::render
