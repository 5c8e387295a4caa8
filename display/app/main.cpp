#include "display/app/commands.hpp"

int main(int argc, char** argv) {
    return podium::app::main_with_args(argc, argv);
}
