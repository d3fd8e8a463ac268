// Includes itself twice per level: exponential preprocessing and error output.
#include __FILE__
#include __FILE__
int main() { return 0; }
