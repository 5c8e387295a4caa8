// OpenGL entry points (GL 3 core functions through libGL's exported prototypes).
#pragma once

#define GL_GLEXT_PROTOTYPES 1
#include <SDL_opengl.h>
#include <SDL_opengl_glext.h>
