// stb_image and stb_image_resize compiled into the photo fuzzer from Debian's headers (the same
// source as libstb.so), so the decoder a hostile photo reaches is instrumented too: coverage
// guides the fuzzer into it and AddressSanitizer sees its reads and writes. These definitions
// take precedence over libstb.so's in this one program; nothing else links this file.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb_image.h>
#include <stb_image_resize.h>
