// realcheck-pack: the facilitator's pack tool (cli.h does the work).
#include <unistd.h>

#include <iostream>

#include "tools/pack/cli.h"

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    return rc::packtool::run_cli(args, std::cout, std::cerr, isatty(STDERR_FILENO) == 1);
}
