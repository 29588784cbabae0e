// UTF-8 validation and NFC composition of Latin letters (unicode.h), for names that come
// from outside: zip entries, file names, pack text.
#include <catch2/catch.hpp>
#include <string>

#include "content/unicode.h"

using rc::content::is_valid_utf8;
using rc::content::to_nfc;

namespace {

struct Utf8Case {
    const char* what;
    std::string bytes;
    bool valid;
};

}  // namespace

TEST_CASE("is_valid_utf8 accepts well-formed UTF-8 only", "[content][unicode]") {
    const auto c = GENERATE(
        Utf8Case{"empty", "", true}, Utf8Case{"ASCII", "media/0001.jpg", true},
        Utf8Case{"2 bytes (é)", "\xC3\xA9", true}, Utf8Case{"3 bytes (€)", "\xE2\x82\xAC", true},
        Utf8Case{"4 bytes (U+1F600)", "\xF0\x9F\x98\x80", true},
        Utf8Case{"the last code point, U+10FFFF", "\xF4\x8F\xBF\xBF", true},
        Utf8Case{"just below the surrogates, U+D7FF", "\xED\x9F\xBF", true},
        Utf8Case{"just above the surrogates, U+E000", "\xEE\x80\x80", true},
        Utf8Case{"a noncharacter is still UTF-8, U+FFFF", "\xEF\xBF\xBF", true},
        Utf8Case{"NUL is a character", std::string("a\0b", 3), true},
        Utf8Case{"overlong '/' in 2 bytes", "\xC0\xAF", false},
        Utf8Case{"overlong U+007F in 2 bytes", "\xC1\xBF", false},
        Utf8Case{"overlong '/' in 3 bytes", "\xE0\x80\xAF", false},
        Utf8Case{"overlong U+07FF in 3 bytes", "\xE0\x9F\xBF", false},
        Utf8Case{"overlong '/' in 4 bytes", "\xF0\x80\x80\xAF", false},
        Utf8Case{"overlong U+FFFF in 4 bytes", "\xF0\x8F\xBF\xBF", false},
        Utf8Case{"a high surrogate, U+D800", "\xED\xA0\x80", false},
        Utf8Case{"a low surrogate, U+DFFF", "\xED\xBF\xBF", false},
        Utf8Case{"a surrogate pair encoded as two (CESU-8)", "\xED\xA0\xBD\xED\xB8\x80", false},
        Utf8Case{"over U+10FFFF", "\xF4\x90\x80\x80", false},
        Utf8Case{"lead byte F5", "\xF5\x80\x80\x80", false}, Utf8Case{"byte FE", "\xFE", false},
        Utf8Case{"byte FF", "a\xFF", false}, Utf8Case{"a lone continuation byte", "a\x80z", false},
        Utf8Case{"truncated 2-byte sequence at the end", "caf\xC3", false},
        Utf8Case{"truncated 3-byte sequence at the end", "\xE2\x82", false},
        Utf8Case{"truncated 4-byte sequence at the end", "\xF0\x9F\x98", false},
        Utf8Case{"truncated sequence before ASCII", "\xE2\x82z", false},
        Utf8Case{"CP437 é (0x82)", "\x82t\x82", false},
        Utf8Case{"Latin-1 é (0xE9)", "caf\xE9", false});
    INFO(c.what);
    CHECK(is_valid_utf8(c.bytes) == c.valid);
}

TEST_CASE("to_nfc composes Latin letters with their marks", "[content][unicode]") {
    struct NfcCase {
        const char* what;
        std::string in;
        std::string out;
    };
    const auto c = GENERATE(
        NfcCase{"é from e + U+0301", "e\xCC\x81", "\xC3\xA9"},
        NfcCase{"élève", "e\xCC\x81le\xCC\x80ve", "\xC3\xA9l\xC3\xA8ve"},
        NfcCase{"français",
                "franc\xCC\xA7"
                "ais",
                "fran\xC3\xA7"
                "ais"},
        NfcCase{"hôtel", "ho\xCC\x82tel", "h\xC3\xB4tel"},
        NfcCase{"Noël", "Noe\xCC\x88l", "No\xC3\xABl"},
        NfcCase{"École (capital)",
                "E\xCC\x81"
                "cole",
                "\xC3\x89"
                "cole"},
        NfcCase{"ça, déjà, où",
                "c\xCC\xA7"
                "a, de\xCC\x81ja\xCC\x80, ou\xCC\x80",
                "\xC3\xA7"
                "a, d\xC3\xA9j\xC3\xA0, o\xC3\xB9"},
        NfcCase{"a path of NFD folders",
                "me\xCC\x81"
                "dia/e\xCC\x81te\xCC\x81.png",
                "m\xC3\xA9"
                "dia/\xC3\xA9t\xC3\xA9.png"},
        NfcCase{"two marks in turn: ệ (e + dot below + circumflex)", "e\xCC\xA3\xCC\x82",
                "\xE1\xBB\x87"},
        NfcCase{"ế from ê + U+0301", "\xC3\xAA\xCC\x81", "\xE1\xBA\xBF"},
        NfcCase{"already NFC stays as it is", "\xC3\xA9l\xC3\xA8ve \xC3\xA0 l'h\xC3\xB4tel",
                "\xC3\xA9l\xC3\xA8ve \xC3\xA0 l'h\xC3\xB4tel"},
        NfcCase{"ASCII stays as it is", "media/0001.jpg", "media/0001.jpg"},
        NfcCase{"empty", "", ""},
        NfcCase{"a mark with nothing to compose with stays", "x\xCC\x81", "x\xCC\x81"},
        NfcCase{"a mark at the start stays",
                "\xCC\x81"
                "e",
                "\xCC\x81"
                "e"},
        NfcCase{"a second identical mark stays", "e\xCC\x81\xCC\x81", "\xC3\xA9\xCC\x81"},
        NfcCase{"other scripts pass through", "\xE6\x97\xA5\xE6\x9C\xAC",
                "\xE6\x97\xA5\xE6\x9C\xAC"},
        NfcCase{"invalid bytes are kept, and the rest left alone", "cafe\xCC\x81\xFF",
                "cafe\xCC\x81\xFF"},
        NfcCase{"a CP437 name is kept byte for byte", "\x82t\x82.png", "\x82t\x82.png"},
        NfcCase{"a truncated mark is kept", "e\xCC", "e\xCC"});
    INFO(c.what);
    CHECK(to_nfc(c.in) == c.out);
    CHECK(to_nfc(c.out) == c.out);  // NFC text is its own NFC
}
