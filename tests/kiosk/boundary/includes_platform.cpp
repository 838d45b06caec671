// Must not compile: the domain and its tests see kiosk/ and support/ only.
// tests/kiosk/CMakeLists.txt builds this as the domain_boundary test, which
// passes when the compiler cannot find the platform header below.
#include "kiosk/checkin/decision.h"
#include "platform/store/sqlite_store.h"

int main() { return 0; }
