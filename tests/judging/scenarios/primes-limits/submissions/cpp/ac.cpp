#include <iostream>
#include <vector>
int main() {
    int n;
    std::cin >> n;
    std::vector<bool> composite(n + 1);
    int count = 0;
    for (long i = 2; i < n; i++) {
        if (composite[i]) continue;
        count++;
        for (long j = i * i; j < n; j += i) composite[j] = true;
    }
    std::cout << count << "\n";
}
