// zlib, for inflating .xlsx parts with a bounded input and output (Debian: zlib1g-dev).
#include <zlib.h>
