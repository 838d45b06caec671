// The control for includes_platform.cpp: the same flags, only domain
// headers, and it compiles. Without it a broken probe would "pass".
#include "kiosk/checkin/decision.h"
#include "support/fakes.h"

int main() { return 0; }
