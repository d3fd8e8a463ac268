#include <iostream>
#include <vector>
int main() {
    long n;
    std::cin >> n;
    // 64-bit flags and a table of every multiple: far beyond 64 MB for n = 2e6.
    std::vector<long long> flags(n * 8, 1);
    int count = 0;
    for (long i = 2; i < n; i++) {
        if (!flags[i]) continue;
        count++;
        for (long j = i * i; j < n; j += i) flags[j] = 0;
    }
    std::cout << count << "\n";
}
