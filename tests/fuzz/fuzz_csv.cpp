// libFuzzer target for the pack tool's spreadsheet reader (tools/pack/csv.h) and what reads
// its cells (spreadsheet.h: column names, answer words, the tells syntax): any bytes give
// rows or located problems, never a crash, a hang or an exception.
// Built and run by tools/fuzz (tests/fuzz/CMakeLists.txt).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "tools/pack/csv.h"
#include "tools/pack/spreadsheet.h"
#include "tools/pack/tells.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto table = rc::packtool::read_csv(bytes, "items.csv");
    std::size_t last_line = 0;
    for (const auto& row : table.rows) {
        // Every row kept has the header's width, and rows come in the file's order.
        if (row.fields.size() != table.header.size() || row.line <= last_line)
            std::abort();
        last_line = row.line;
    }
    const auto sheet = rc::packtool::read_sheet(bytes, size % 2 ? "items.tsv" : "items.csv");
    for (const auto& problem : sheet.problems)
        if (problem.where.empty() || problem.message.empty())
            std::abort();
    for (const auto& row : sheet.rows) {
        if (row.file.empty())
            std::abort();
        if (!row.tells)
            continue;
        for (const auto& tell : *row.tells)
            if (tell.x < 0 || tell.x > 1 || tell.y < 0 || tell.y > 1 || tell.r <= 0 || tell.r > 1)
                std::abort();
        // What the export writes reads back to as many tells.
        std::string error;
        if (rc::packtool::parse_tells(rc::packtool::format_tells(*row.tells), &error).size() !=
                row.tells->size() ||
            !error.empty())
            std::abort();
    }
    return 0;
}
