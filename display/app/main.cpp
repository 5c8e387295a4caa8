#include "display/app/commands.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int main(int argc, char** argv) {
#if defined(__GLIBC__)
    // Big blocks (a slide's pixels, a crossfade's mixing target, a feed's body) straight from
    // and back to the kernel. glibc otherwise raises this threshold to the largest block freed
    // so far, and later blocks of that size stay in its heap after they are freed: measured
    // under llvmpipe at 1080p (bench/slideshow.sh), 24 MiB more memory held for good.
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
    return podium::app::main_with_args(argc, argv);
}
