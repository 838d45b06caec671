// The ESC/POS tokenizer, which cuts a job into commands for the ticket
// preview and the printer tests: any bytes are covered exactly once, in
// order, never read past their end, and the walk always finishes.
#include "platform/printer/escpos_tokenizer.h"
#include "tests/fuzz/fuzz_check.h"

using kiosk::fuzz::require;
using kiosk::platform::EscposCommand;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto job = kiosk::fuzz::text_of(data, size);
  kiosk::platform::EscposTokenizer tokenizer(job);
  std::size_t covered = 0;
  bool ended = false;
  while (auto token = tokenizer.next()) {
    require(!ended, "nothing follows a truncated command");
    require(token->offset == covered, "tokens follow each other");
    require(!token->bytes.empty(), "every token takes at least one byte");
    require(token->bytes.data() == job.data() + token->offset, "a token's bytes are the job's");
    require(token->data.empty() || (token->data.data() >= token->bytes.data() &&
                                    token->data.data() + token->data.size() <= token->bytes.data() + token->bytes.size()),
            "a token's data lies inside its bytes");
    covered += token->bytes.size();
    ended = token->command == EscposCommand::truncated;
  }
  require(covered == job.size(), "the tokens cover the whole job");
  return 0;
}
