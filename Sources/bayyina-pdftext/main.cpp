// bayyina-pdftext: reads the text and Info dictionary of PDFs, one after another, for the bayyina process that
// started it, so that a PDF costs no process start (starting pdftotext, mostly dynamic linking of poppler, cost more
// than reading a small PDF). The text is poppler's TextOutputDev in reading order, byte for byte what `pdftotext
// -enc UTF-8` writes: each page's text ends in a form feed.
//
// Requests on standard input, each two NUL-terminated fields: the file's path, then "-" (no password) or "+" and
// the user password. A reply on standard output is a list of fields, each a line "NAME LENGTH" and LENGTH bytes,
// ending with the field "end" of length 0:
//   status    ok | partial (reading failed after some pages) | locked (the password is missing or wrong) |
//             unreadable (poppler could not open the file)
//   text      the pages' text, up to the text limit (whole pages; reading stops once the limit is passed)
//   messages  what poppler reported about the file, one message per line
//   Title, Author, Subject, Keywords, Creator, Producer, CreationDate, ModDate   Info entries, as written
//   XMP       the catalog's metadata stream
//
// Arguments: the text limit in bytes and the seconds one file may take. Past them (plus a grace) the process ends
// itself with SIGALRM, so it cannot outlive a parent that died while it was stuck.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <string>
#include <unistd.h>

namespace {

constexpr size_t messagesLimit = 16 * 1024;
std::string messages; // poppler's messages about the file being read

/// Keeps poppler's message without the "error: " or "error (OFFSET): " that poppler-cpp puts before it.
void collectMessage(const std::string &message, void *) {
    if (messages.size() >= messagesLimit) return;
    const size_t colon = message.find(": ");
    messages += message.rfind("error", 0) == 0 && colon != std::string::npos ? message.substr(colon + 2) : message;
    messages += '\n';
}

/// One NUL-terminated field of standard input; false at the end of the input.
bool readField(std::string &field) {
    field.clear();
    for (int c = getchar_unlocked(); c != EOF; c = getchar_unlocked()) {
        if (c == 0) return true;
        field.push_back(static_cast<char>(c));
    }
    return false;
}

void addField(std::string &reply, const char *name, const std::string &value) {
    reply += name;
    reply += ' ';
    reply += std::to_string(value.size());
    reply += '\n';
    reply += value;
}

std::string utf8(const poppler::ustring &text) {
    const poppler::byte_array bytes = text.to_utf8();
    return std::string(bytes.begin(), bytes.end());
}

void addInfo(std::string &reply, const poppler::document &document) {
    static const char *const keys[] = {"Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate"};
    for (const char *key : keys) {
        const std::string value = utf8(document.info_key(key));
        if (!value.empty()) addField(reply, key, value);
    }
    const std::string xmp = utf8(document.metadata());
    if (!xmp.empty()) addField(reply, "XMP", xmp);
}

/// The reply for one file (built whole before it is written, so a failure midway never sends half a reply).
std::string read(const std::string &path, const std::string &password, size_t textLimit) {
    std::string reply;
    const std::string userPassword = password.empty() ? std::string() : password.substr(1);
    std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path, userPassword, userPassword));
    if (!document) {
        addField(reply, "status", "unreadable");
    } else if (document->is_locked()) {
        addField(reply, "status", "locked");
    } else {
        const int pages = document->pages();
        std::string text;
        const char *status = "ok";
        try {
            for (int index = 0; index < pages && text.size() <= textLimit; ++index) {
                std::unique_ptr<poppler::page> page(document->create_page(index));
                text += page ? utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout)) : "\f";
            }
        } catch (const std::exception &error) {
            status = "partial";
            collectMessage(error.what(), nullptr);
        }
        addField(reply, "status", status);
        addField(reply, "text", text);
        addInfo(reply, *document);
    }
    return reply;
}

} // namespace

int main(int argc, char **argv) {
    if (argc != 3) {
        std::fputs("usage: bayyina-pdftext TEXT-LIMIT-BYTES SECONDS-PER-FILE\n", stderr);
        return 2;
    }
    const size_t textLimit = std::strtoull(argv[1], nullptr, 10);
    const unsigned seconds = static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10));
    poppler::set_debug_error_function(collectMessage, nullptr);
    static char outputBuffer[1 << 16];
    std::setvbuf(stdout, outputBuffer, _IOFBF, sizeof outputBuffer);

    std::string path, password;
    while (readField(path) && readField(password)) {
        alarm(seconds + 5);
        messages.clear();
        std::string reply;
        try {
            reply = read(path, password, textLimit);
        } catch (const std::exception &error) {
            reply.clear();
            addField(reply, "status", "unreadable");
            collectMessage(error.what(), nullptr);
        }
        if (!messages.empty()) addField(reply, "messages", messages);
        addField(reply, "end", "");
        std::fwrite(reply.data(), 1, reply.size(), stdout);
        if (std::fflush(stdout) != 0) return 1;
        alarm(0);
    }
    return 0;
}
